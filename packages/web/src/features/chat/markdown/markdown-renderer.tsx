import { memo, useEffect, useMemo, useRef, useState } from 'react';
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
import type { MarkdownProps } from './markdown-props';
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
  // The last split is kept, so that a streamed delta splits only from the last block on.
  const [split, setSplit] = useState(() => ({ text, blocks: splitBlocks(text) }));
  let blocks = split.blocks;
  if (split.text !== text) {
    blocks = splitBlocks(text, split);
    setSplit({ text, blocks });
  }
  return (
    <VirtualMessageContext value={handler}>
      <div className={cn('markdown', className)}>
        {blocks.map((block, index) => (
          // Blocks only ever grow at the end, so an index is a stable identity.
          <Block key={index} text={block.text} streaming={streaming && index === blocks.length - 1} />
        ))}
        {streaming && blocks.length === 0 && <span className={caretClass} aria-hidden />}
      </div>
    </VirtualMessageContext>
  );
});

// `~one~` is not strikethrough: answers write "~5 min" and "~10 %" far more often than they strike.
const remarkPlugins: Options['remarkPlugins'] = [[remarkGfm, { singleTilde: false }], remarkMath];

const Block = memo(function Block({ text: markdown, streaming }: { text: string; streaming: boolean }) {
  const { t } = useTranslation();
  const text = useMemo(() => normalizeMath(markdown), [markdown]);
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
