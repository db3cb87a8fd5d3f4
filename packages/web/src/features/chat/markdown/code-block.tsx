import { WrapText } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/button';
import { WithTooltip } from '@/components/ui/tooltip';
import { cn } from '@/lib/cn';
import { caretClass } from './caret';
import { CodeHeader } from './code-header';
import { useHighlight } from './highlighter';

/**
 * A fenced code block: header (language, wrap toggle, copy) and the code, highlighted once the
 * fence is complete. While `open` (the fence still streaming) it stays plain monospace text, so
 * a growing block is not re-highlighted on every delta.
 */
export function CodeBlock({ code, language, open = false }: { code: string; language: string; open?: boolean }) {
  const { t } = useTranslation();
  const [wrap, setWrap] = useState(false);
  const tokens = useHighlight(code, language, !open);
  return (
    <div className="markdown-code my-4 overflow-hidden rounded-lg border bg-card text-card-foreground">
      <CodeHeader label={language || t('markdown.code.plain')} code={code}>
        <WithTooltip label={t('markdown.code.wrap')}>
          <Button
            variant="ghost"
            size="icon-sm"
            aria-label={t('markdown.code.wrap')}
            aria-pressed={wrap}
            className={cn(wrap && 'bg-accent text-foreground')}
            onClick={() => setWrap(!wrap)}
          >
            <WrapText />
          </Button>
        </WithTooltip>
      </CodeHeader>
      {/* Focusable: a long line scrolls sideways, and keyboard users must reach it (axe, scrollable-region-focusable). */}
      <pre
        tabIndex={0}
        className={cn(
          'overflow-x-auto px-4 py-3 font-mono text-[13px] leading-6 outline-none focus-visible:ring-[3px] focus-visible:ring-ring focus-visible:ring-inset',
          wrap ? 'break-words whitespace-pre-wrap' : 'whitespace-pre',
        )}
      >
        <code>
          {tokens
            ? tokens.map((line, index) => (
                // Lines never reorder: the index is their identity.
                <span key={index}>
                  {index > 0 && '\n'}
                  {line.map((token, at) => (
                    <span key={at} style={token.style}>
                      {token.content}
                    </span>
                  ))}
                </span>
              ))
            : code}
          {open && <span className={caretClass} aria-hidden />}
        </code>
      </pre>
    </div>
  );
}
