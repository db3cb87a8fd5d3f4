// Test-only helpers (excluded from the build): read what the mock sends the way a
// client does, with plain fetch and the gateway's SseDecoder.
import { SseDecoder, type SseEvent } from '@switchboard/protocol';

export interface ReadStream {
  /** Events in order; comments are counted, not returned. */
  events: SseEvent[];
  raw: string;
  comments: number;
  /** Set when the connection broke before the body ended. */
  error: unknown;
}

/** Reads a body to its end (or failure), decoding SSE as it arrives. */
export async function readSse(res: Response): Promise<ReadStream> {
  const decoder = new SseDecoder();
  const text = new TextDecoder();
  const events: SseEvent[] = [];
  let raw = '';
  let error: unknown;
  const reader = res.body!.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      raw += text.decode(value, { stream: true });
      events.push(...decoder.push(value));
    }
    events.push(...decoder.end());
  } catch (e) {
    error = e;
  }
  return { events, raw, comments: decoder.comments, error };
}

/** Reads a body as text, keeping what arrived before a broken connection. */
export async function readText(res: Response): Promise<{ text: string; error: unknown }> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { text, error: undefined };
      text += decoder.decode(value, { stream: true });
    }
  } catch (error) {
    return { text, error };
  }
}

export const json = (e: SseEvent): any => JSON.parse(e.data);
