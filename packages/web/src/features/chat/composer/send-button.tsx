import { ArrowUp, Square } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/button';
import { WithTooltip } from '@/components/ui/tooltip';

interface Props {
  generating: boolean;
  canSend: boolean;
  onSend(): void;
  onStop(): void;
  /** The id of the text saying why sending is unavailable, if it is. */
  describedBy?: string | undefined;
}

/** Send, or Stop while an answer is being generated: one round primary button in the same place. */
export function SendButton({ generating, canSend, onSend, onStop, describedBy }: Props) {
  const { t } = useTranslation();
  const label = generating ? t('composer.stop') : t('composer.send');
  return (
    <WithTooltip label={label}>
      {/* A disabled button gets no hover: the tooltip shows on the wrapper instead. */}
      <span className="inline-flex rounded-full">
        <Button
          type="button"
          size="icon"
          aria-label={label}
          aria-describedby={describedBy}
          disabled={!generating && !canSend}
          onClick={generating ? onStop : onSend}
          className="size-10 rounded-full md:size-9"
        >
          {generating ? <Square className="fill-current" aria-hidden /> : <ArrowUp aria-hidden />}
        </Button>
      </span>
    </WithTooltip>
  );
}
