import { highlight } from './highlight';

/** `text` with every occurrence of `query` marked, as text nodes only. */
export function HighlightedText({ text, query }: { text: string; query: string }) {
  return highlight(text, query).map((segment, index) =>
    segment.match ? (
      <mark key={index} className="rounded-sm bg-primary/15 px-0.5 text-foreground">
        {segment.text}
      </mark>
    ) : (
      segment.text
    ),
  );
}
