import { Check, Copy } from 'lucide-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/button';
import { TooltipProvider, WithTooltip } from '@/components/ui/tooltip';
import { useCopy } from './use-copy';

/** The bar above a code block or diagram: its language, any extra toggles, and copy. */
export function CodeHeader({ label, code, children }: { label: string; code: string; children?: ReactNode }) {
  const { t } = useTranslation();
  const { copied, copy } = useCopy();
  const copyLabel = copied ? t('markdown.code.copied') : t('markdown.code.copy');
  return (
    // Its own provider: a message may be rendered where the app's root provider is not (a shared page, a test).
    <TooltipProvider>
      <div className="flex h-10 items-center gap-1 border-b bg-muted/50 pr-1.5 pl-4 text-xs text-muted-foreground">
        <span className="mr-auto truncate font-mono lowercase">{label}</span>
        {children}
        <WithTooltip label={copyLabel}>
          <Button variant="ghost" size="icon-sm" aria-label={copyLabel} onClick={() => copy(code)}>
            {copied ? <Check className="text-primary" /> : <Copy />}
          </Button>
        </WithTooltip>
        <span className="sr-only" aria-live="polite">
          {copied ? t('markdown.code.copied') : ''}
        </span>
      </div>
    </TooltipProvider>
  );
}
