// The highlighter's worker: tokenizing code (and compiling a grammar the first time) happens
// here, off the page's thread. One request in, one answer out, matched by id.
import { grammarFor } from './languages';
import { highlightCode } from './shiki-tokens';

export interface HighlightRequest {
  id: number;
  code: string;
  language: string;
}
export type HighlightAnswer = { id: number; lines: Awaited<ReturnType<typeof highlightCode>> } | { id: number; failed: true };

/** What this file needs of the worker's global scope (the app's TypeScript lib is the DOM's). */
const scope = self as unknown as {
  addEventListener(type: 'message', listener: (event: MessageEvent<HighlightRequest>) => void): void;
  postMessage(answer: HighlightAnswer): void;
};

scope.addEventListener('message', ({ data: { id, code, language } }) => {
  const grammar = grammarFor(language);
  if (!grammar) {
    scope.postMessage({ id, failed: true });
    return;
  }
  highlightCode(code, grammar).then(
    (lines) => scope.postMessage({ id, lines }),
    () => scope.postMessage({ id, failed: true }),
  );
});
