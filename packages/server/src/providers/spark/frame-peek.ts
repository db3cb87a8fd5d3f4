import { LAST_FRAME } from './wire.js';

/** What the transport needs to know of a frame without decoding it. */
export interface FramePeek {
  /** `header.code` when it is a number. */
  code?: number;
  /** The last frame of the exchange: `header.status` (or `choices.status`) is 2, or it is an error. */
  last: boolean;
}

/** Reads a frame's header just enough to route it; text that is not a frame reads as an ordinary one. */
export function peekFrame(text: string): FramePeek {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { last: false };
  }
  const frame = json as { header?: { code?: unknown; status?: unknown }; payload?: { choices?: { status?: unknown } } } | null;
  const code = frame?.header?.code;
  const out: FramePeek = { last: frame?.header?.status === LAST_FRAME || frame?.payload?.choices?.status === LAST_FRAME };
  if (typeof code === 'number') {
    out.code = code;
    if (code !== 0) out.last = true;
  }
  return out;
}
