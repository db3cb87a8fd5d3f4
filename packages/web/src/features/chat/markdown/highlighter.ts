import { startTransition, useEffect, useState } from 'react';
import type { HighlightAnswer, HighlightRequest } from './highlight.worker';
import { grammarFor } from './languages';
import type { CodeLine } from './shiki-tokens';

/**
 * The page's side of the highlighter: code goes to a worker (Shiki runs there, see
 * shiki-tokens.ts) and comes back as lines of coloured pieces. A block shows plain text until its
 * lines arrive; lines already highlighted are kept, so a row scrolled back into view (the thread
 * is virtualized) or drawn again shows its colours at once.
 */
const kept = new Map<string, CodeLine[]>();
const keepAtMost = 300;
const asked = new Map<string, Promise<CodeLine[] | null>>();
const waiting = new Map<number, (lines: CodeLine[] | null) => void>();
let nextId = 0;
let worker: Worker | null | undefined;

function theWorker(): Worker | null {
  if (worker !== undefined) return worker;
  // No Worker (the unit tests' DOM): code stays plain text.
  worker = typeof Worker === 'undefined' ? null : new Worker(new URL('./highlight.worker.ts', import.meta.url), { type: 'module' });
  worker?.addEventListener('message', ({ data }: MessageEvent<HighlightAnswer>) => {
    waiting.get(data.id)?.('lines' in data ? data.lines : null);
    waiting.delete(data.id);
  });
  return worker;
}

const keyOf = (language: string, code: string) => `${language}\u0000${code}`;

function highlight(language: string, code: string): Promise<CodeLine[] | null> {
  const key = keyOf(language, code);
  let answer = asked.get(key);
  if (answer) return answer;
  const target = theWorker();
  if (!target) return Promise.resolve(null);
  const id = nextId++;
  answer = new Promise<CodeLine[] | null>((resolve) => waiting.set(id, resolve)).then((lines) => {
    asked.delete(key);
    if (lines) {
      kept.set(key, lines);
      // Oldest first: a Map iterates in insertion order.
      if (kept.size > keepAtMost) kept.delete(kept.keys().next().value!);
    }
    return lines;
  });
  asked.set(key, answer);
  target.postMessage({ id, code, language } satisfies HighlightRequest);
  return answer;
}

/**
 * The code's highlighted lines, or null: while `enabled` is false (a fence still streaming), while
 * the worker works, and when the language has no grammar.
 */
export function useHighlight(code: string, language: string, enabled: boolean): CodeLine[] | null {
  const key = enabled && grammarFor(language) ? keyOf(language, code) : null;
  const [arrived, setArrived] = useState<{ key: string; lines: CodeLine[] } | null>(null);
  useEffect(() => {
    if (!key || kept.has(key)) return;
    let current = true;
    void highlight(language, code).then((lines) => {
      // A transition: drawing the coloured pieces yields to typing and to the streaming answer.
      if (current && lines) startTransition(() => setArrived({ key, lines }));
    });
    return () => {
      current = false;
    };
  }, [key, language, code]);
  if (!key) return null;
  return kept.get(key) ?? (arrived?.key === key ? arrived.lines : null);
}
