import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cn } from '@/lib/cn';
import { splitBlocks } from './blocks';
import { caretClass } from './caret';
import { BlockContext, VirtualMessageContext } from './context';
import { useRehypeKatex } from './katex';
import type { MarkdownProps } from './markdown-props';
import { normalizeMath } from './math-delimiters';
import { renderMarkdown } from './pipeline';

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

const Block = memo(function Block({ text: markdown, streaming }: { text: string; streaming: boolean }) {
  const { t } = useTranslation();
  const text = useMemo(() => normalizeMath(markdown), [markdown]);
  const hasMath = text.includes('$');
  const katex = useRehypeKatex(hasMath);
  const footnoteLabel = t('markdown.footnotes');
  const footnoteBackLabel = t('markdown.footnoteBack');
  const context = useMemo(() => ({ source: text, streaming }), [text, streaming]);
  const rendered = useMemo(
    () => renderMarkdown(text, { katex: hasMath ? katex : null, caret: streaming, footnoteLabel, footnoteBackLabel }),
    [text, hasMath, katex, streaming, footnoteLabel, footnoteBackLabel],
  );
  return <BlockContext value={context}>{rendered}</BlockContext>;
});
