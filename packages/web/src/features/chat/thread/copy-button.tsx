import { Check, Copy } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ToolbarButton } from './toolbar-button';

/** Copies text, and says so for two seconds. */
export function CopyButton({ text }: { text: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2_000);
    return () => clearTimeout(timer);
  }, [copied]);
  const label = copied ? t('thread.copied') : t('thread.copy');
  return (
    <ToolbarButton label={label} onClick={() => void navigator.clipboard.writeText(text).then(() => setCopied(true))}>
      {copied ? <Check aria-hidden /> : <Copy aria-hidden />}
    </ToolbarButton>
  );
}
