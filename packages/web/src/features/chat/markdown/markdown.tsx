import { memo, startTransition, useEffect, useState } from 'react';
import { cn } from '@/lib/cn';
import { caretClass } from './caret';
import type { MarkdownRenderer } from './markdown-renderer';
import type { MarkdownProps } from './markdown-props';

/**
 * The markdown pipeline (unified, micromark, GFM, math syntax) weighs about 60 KB gzipped:
 * it is its own chunk, fetched as soon as this module is imported, in parallel with the app's first
 * requests, so it is nearly always there before the first message. If not, the text shows plain
 * for that moment.
 */
let renderer: typeof MarkdownRenderer | null = null;
let loading: Promise<void> | null = null;
const listeners = new Set<() => void>();

function load(): void {
  loading ??= import('./markdown-renderer').then(
    (module) => {
      renderer = module.MarkdownRenderer;
      for (const listener of listeners) listener();
    },
    () => {
      loading = null; // offline: the next message to render tries again
    },
  );
}
load();

/** A chat message's markdown; see markdown-renderer.tsx for what it draws. */
export const Markdown = memo(function Markdown(props: MarkdownProps) {
  const [Renderer, setRenderer] = useState(() => renderer);
  useEffect(() => {
    // The pipeline arriving re-renders every message on screen: as a transition, so the page
    // paints (and stays responsive) first, the plain text upgraded a moment later.
    const upgrade = () => startTransition(() => setRenderer(() => renderer));
    if (renderer) upgrade();
    listeners.add(upgrade);
    load();
    return () => void listeners.delete(upgrade);
  }, []);
  if (Renderer) return <Renderer {...props} />;
  return (
    <div className={cn('markdown whitespace-pre-wrap', props.className)}>
      {props.text}
      {props.streaming && <span className={caretClass} aria-hidden />}
    </div>
  );
});
