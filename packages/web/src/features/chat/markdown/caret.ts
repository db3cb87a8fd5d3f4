/**
 * A rehype plugin for the block still streaming: puts the caret at the very end of the text,
 * inside the last paragraph, list item, heading or table cell, so it sits after the last word
 * rather than on a line of its own. A code block still open shows its own caret (code-block.tsx),
 * so none is added after one.
 */
interface HastNode {
  type: string;
  tagName?: string;
  value?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

/** Elements whose last child holds the end of the text. */
const containers = new Set(['ul', 'ol', 'li', 'blockquote', 'table', 'thead', 'tbody', 'tr']);
/** Elements the caret goes into, after their inline content. */
const textHosts = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'td', 'th']);

export const caretClass =
  'markdown-caret ml-0.5 inline-block h-[1.1em] w-[0.45em] translate-y-[0.2em] rounded-[2px] bg-foreground/60 motion-safe:animate-[markdown-caret_1.1s_ease-in-out_infinite]';

const caret = (): HastNode => ({ type: 'element', tagName: 'span', properties: { className: caretClass, ariaHidden: 'true' }, children: [] });

export function rehypeCaret() {
  return (tree: HastNode) => {
    const host = hostOf(tree);
    const last = host.children?.at(-1);
    if (!(last?.type === 'element' && last.tagName === 'pre')) host.children?.push(caret());
  };
}

function hostOf(node: HastNode): HastNode {
  const last = [...(node.children ?? [])].reverse().find((child) => !(child.type === 'text' && child.value?.trim() === ''));
  if (!last || last.type !== 'element') return node;
  if (containers.has(last.tagName ?? '')) return hostOf(last);
  if (textHosts.has(last.tagName ?? '')) return last;
  return node;
}
