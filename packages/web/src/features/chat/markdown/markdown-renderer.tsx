import { memo, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import ReactMarkdown, { type Options } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import { cn } from '@/lib/cn';
import { splitBlocks } from './blocks';
import { caretClass, rehypeCaret } from './caret';
import { components } from './components';
import { BlockContext, VirtualMessageContext } from './context';
import { useRehypeKatex } from './katex';
import type { MarkdownProps } from './markdown';
import { normalizeMath } from './math-delimiters';
import { safeUrl } from './safe-url';

/**
 * A chat message's markdown (GFM, math, highlighted code, Mermaid), built for streaming: the text is
 * split into top-level blocks, each memoized, so a delta re-parses only the last block. No raw HTML
 * is ever rendered (there is no rehype-raw: tags show as text) and unsafe URLs are emptied.
 */
export const MarkdownRenderer = memo(function MarkdownRenderer({ text, streaming = false, onVirtualMessage, className }: MarkdownProps) {
  const handler = useRef(onVirtualMessage);
  useEffect(() => {
    handler.current = onVirtualMessage;
  });
  const blocks = useMemo(() => splitBlocks(normalizeMath(text)), [text]);
  return (
    <VirtualMessageContext value={handler}>
      <div className={cn('markdown', className)}>
        {blocks.map((block, index) => (
          // Blocks only ever grow at the end, so an index is a stable identity.
          <Block key={index} text={block} streaming={streaming && index === blocks.length - 1} />
        ))}
        {streaming && blocks.length === 0 && <span className={caretClass} aria-hidden />}
      </div>
    </VirtualMessageContext>
  );
});

// `~one~` is not strikethrough: answers write "~5 min" and "~10 %" far more often than they strike.
const remarkPlugins: Options['remarkPlugins'] = [[remarkGfm, { singleTilde: false }], remarkMath];

const Block = memo(function Block({ text, streaming }: { text: string; streaming: boolean }) {
  const { t } = useTranslation();
  const rehypeKatex = useRehypeKatex(text.includes('$'));
  const rehypePlugins = useMemo<Options['rehypePlugins']>(
    () => [...(rehypeKatex && text.includes('$') ? [rehypeKatex] : []), ...(streaming ? [rehypeCaret] : [])],
    [rehypeKatex, text, streaming],
  );
  const remarkRehypeOptions = useMemo<Options['remarkRehypeOptions']>(
    () => ({ footnoteLabel: t('markdown.footnotes'), footnoteBackLabel: t('markdown.footnoteBack') }),
    [t],
  );
  const context = useMemo(() => ({ source: text, streaming }), [text, streaming]);
  return (
    <BlockContext value={context}>
      <ReactMarkdown
        remarkPlugins={remarkPlugins}
        rehypePlugins={rehypePlugins}
        remarkRehypeOptions={remarkRehypeOptions}
        components={components}
        urlTransform={safeUrl}
      >
        {text}
      </ReactMarkdown>
    </BlockContext>
  );
});
