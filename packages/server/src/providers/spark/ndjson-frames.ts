import type { WireSseEvent } from '@switchboard/protocol';
import type { FrameDecoder } from '../provider-adapter.js';

/**
 * Splits the transport's stream body — one Spark frame's JSON per line — into `{data}` events.
 * A streaming text decoder keeps a character split between two chunks intact; a line split
 * between chunks waits for its end. Blank lines are skipped.
 */
export function createNdjsonFrameDecoder(): FrameDecoder {
  const text = new TextDecoder();
  let pending = '';

  const lines = (): WireSseEvent[] => {
    const out: WireSseEvent[] = [];
    let nl = pending.indexOf('\n');
    while (nl !== -1) {
      const line = pending.slice(0, nl).trim();
      if (line !== '') out.push({ data: line });
      pending = pending.slice(nl + 1);
      nl = pending.indexOf('\n');
    }
    return out;
  };

  return {
    push(chunk: Uint8Array): WireSseEvent[] {
      pending += text.decode(chunk, { stream: true });
      return lines();
    },
    end(): WireSseEvent[] {
      pending += `${text.decode()}\n`;
      return lines();
    },
  };
}
