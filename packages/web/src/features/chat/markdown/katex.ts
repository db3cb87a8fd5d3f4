import { useEffect, useSyncExternalStore } from 'react';
import type rehypeKatexPlugin from 'rehype-katex';

/**
 * KaTeX (the library, its CSS and fonts) is the heaviest part of math: it loads the first time
 * a block holds math, never for answers without any. Until it arrives, math shows as its source.
 */
export type RehypeKatex = typeof rehypeKatexPlugin;

let plugin: RehypeKatex | null = null;
let loading: Promise<void> | null = null;
const listeners = new Set<() => void>();

function load(): void {
  loading ??= Promise.all([import('rehype-katex'), import('katex/dist/katex.min.css')])
    .then(([module]) => {
      plugin = module.default;
      for (const listener of listeners) listener();
    })
    .catch(() => {
      loading = null; // offline or a new deploy: the next block with math tries again
    });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** rehype-katex once loaded, loading it when `needed`; null before (and on the server). */
export function useRehypeKatex(needed: boolean): RehypeKatex | null {
  const loaded = useSyncExternalStore(subscribe, () => plugin, () => null);
  useEffect(() => {
    if (needed) load();
  }, [needed]);
  return loaded;
}
