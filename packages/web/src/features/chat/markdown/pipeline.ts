import type { Root } from 'hast';
import { toJsxRuntime } from 'hast-util-to-jsx-runtime';
import { urlAttributes } from 'html-url-attributes';
import type { ReactElement } from 'react';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { rehypeCaret } from './caret';
import { components } from './components';
import type { RehypeKatex } from './katex';
import { safeUrl } from './safe-url';

/** What a block is drawn with: math once KaTeX is loaded, the caret while it streams, the footnotes' labels in the reader's language. */
export interface PipelineOptions {
  katex: RehypeKatex | null;
  caret: boolean;
  footnoteLabel: string;
  footnoteBackLabel: string;
}

function makeProcessor({ katex, caret, footnoteLabel, footnoteBackLabel }: PipelineOptions) {
  return (
    unified()
      .use(remarkParse)
      // `~one~` is not strikethrough: answers write "~5 min" and "~10 %" far more often than they strike.
      .use(remarkGfm, { singleTilde: false })
      .use(remarkMath)
      // Raw HTML is kept as `raw` nodes only to be shown as text below: it is never parsed, never run.
      .use(remarkRehype, { allowDangerousHtml: true, footnoteLabel, footnoteBackLabel })
      .use(katex ? [katex] : [])
      .use(caret ? [rehypeCaret] : [])
      .freeze()
  );
}

/**
 * One processor per combination, built once: building one attaches every plugin (GFM alone
 * assembles dozens of syntax tables), which per block and per streamed delta was most of the
 * garbage a streaming answer made.
 */
const processors = new Map<string, ReturnType<typeof makeProcessor>>();

function processorFor(options: PipelineOptions) {
  const key = `${options.katex ? 'katex' : ''}|${options.caret ? 'caret' : ''}|${options.footnoteLabel}|${options.footnoteBackLabel}`;
  let processor = processors.get(key);
  if (!processor) {
    processor = makeProcessor(options);
    processors.set(key, processor);
  }
  return processor;
}

/** Raw HTML becomes its text; every URL attribute goes through `safeUrl`. */
function neutralize(tree: Root): void {
  visit(tree, (node, index, parent) => {
    if (node.type === 'raw' && parent && typeof index === 'number') {
      parent.children[index] = { type: 'text', value: node.value };
      return index;
    }
    if (node.type !== 'element') return;
    for (const [name, tags] of Object.entries(urlAttributes)) {
      if (name in node.properties && (tags === null || tags.includes(node.tagName))) {
        node.properties[name] = safeUrl(String(node.properties[name] ?? ''), name);
      }
    }
  });
}

/** One block of markdown as React elements, with the chat's components (components.tsx). */
export function renderMarkdown(markdown: string, options: PipelineOptions): ReactElement {
  const processor = processorFor(options);
  const file = new VFile(markdown);
  const tree = processor.runSync(processor.parse(file), file);
  neutralize(tree);
  return toJsxRuntime(tree, { Fragment, jsx, jsxs, components, ignoreInvalidStyle: true, passKeys: true, passNode: true });
}
