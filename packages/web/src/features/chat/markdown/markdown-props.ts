/** What the chat's markdown takes: the lazy wrapper (markdown.tsx) and the pipeline (markdown-renderer.tsx) alike. */
export interface MarkdownProps {
  /** The message's markdown, complete or as far as it has streamed. */
  text: string;
  /** True while the answer is still arriving: a caret ends the text, unfinished fences stay plain. */
  streaming?: boolean;
  /** Called with the command of a Chat Nio virtual-message link (`https://chatnio.virtual/…`) when it is clicked. */
  onVirtualMessage?: (command: string) => void;
  className?: string;
}
