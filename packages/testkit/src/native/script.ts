// What every native-protocol mock answers: options, the models that trigger failures, and
// how answer text is cut into stream increments.

/** A request for this model gets the vendor's error answer (HTTP error or error body). */
export const MOCK_FAIL_MODEL = 'mock-fail';
/** A stream for this model sends one increment, then the vendor's in-stream error. */
export const MOCK_FAIL_MIDSTREAM_MODEL = 'mock-fail-midstream';

export const DEFAULT_NATIVE_TEXT = 'Hello from the mock upstream.';

export interface NativeMockOptions {
  port?: number;
  /** Accepted credentials in the vendor's key format; when absent any well-formed credential is accepted. */
  apiKeys?: string[];
  /** Answer text (streamed in a few increments). */
  text?: string;
  /** Reasoning text sent before the answer, where the protocol has a field for it. */
  reasoning?: string;
  /** Answer with this tool call (after any text) and a tool-calls finish. */
  toolCall?: { id?: string; name: string; arguments: string };
  /** Token counts reported; defaults are derived from the text lengths. */
  usage?: { input: number; output: number; cached?: number };
}

/** Cuts text into up to `n` increments of similar length (never empty ones). */
export function pieces(text: string, n = 3): string[] {
  if (text.length === 0) return [];
  const size = Math.ceil(text.length / n);
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

export function usageOf(opts: NativeMockOptions): { input: number; output: number; cached: number } {
  const text = (opts.text ?? DEFAULT_NATIVE_TEXT) + (opts.reasoning ?? '') + (opts.toolCall?.arguments ?? '');
  return {
    input: opts.usage?.input ?? 12,
    output: opts.usage?.output ?? Math.max(1, Math.ceil(text.length / 4)),
    cached: opts.usage?.cached ?? 0,
  };
}
