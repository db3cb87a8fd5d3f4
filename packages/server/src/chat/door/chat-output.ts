import type { Readable } from 'node:stream';
import type { IrStopReason } from '@switchboard/protocol';
import type { NewUsageLog } from '../../db/schema.js';
import type { SettledCall } from '../../relay/accounting.js';
import type { CallOutput, StreamSink } from '../../relay/generate/call-output.js';
import { ChatPieceReader, type ChatPiece } from './chat-codec.js';

/**
 * The chat door's output: what the relay core writes (lines of the chat codec) is read back
 * into pieces and handed to `onPiece` as it arrives; the settled usage row is kept for the
 * answer's statistics. "The caller went away" is the job's stop signal — a browser that
 * disconnects is not the caller here and stops nothing.
 */
export class ChatOutput implements CallOutput {
  row: NewUsageLog | undefined;
  planItem: string | undefined;

  constructor(
    private readonly onPiece: (piece: ChatPiece) => void,
    private readonly stop: AbortSignal | undefined,
  ) {}

  /** Headers are the HTTP door's; the chat door has no response to put them on. */
  header(): void {}

  send(_contentType: string, body: string | Readable): void {
    // Only generation calls come through this door, and their whole answers are JSON text.
    if (typeof body !== 'string') return;
    const answer = JSON.parse(body) as { text?: string; reasoning?: string; reason?: IrStopReason };
    if (answer.reasoning) this.onPiece({ type: 'reasoning', text: answer.reasoning });
    if (answer.text) this.onPiece({ type: 'text', text: answer.text });
    if (answer.reason) this.onPiece({ type: 'finish', reason: answer.reason });
  }

  openStream(): StreamSink {
    const reader = new ChatPieceReader();
    let committed = false;
    const take = (text: string) => {
      committed = true;
      for (const piece of reader.read(text)) this.onPiece(piece);
    };
    return {
      get isCommitted() {
        return committed;
      },
      write: async (text) => take(text),
      end: (text) => {
        if (text) take(text);
      },
      stop: () => {},
    };
  }

  onGone(listener: () => void): () => void {
    const stop = this.stop;
    if (!stop) return () => {};
    if (stop.aborted) {
      listener();
      return () => {};
    }
    stop.addEventListener('abort', listener, { once: true });
    return () => stop.removeEventListener('abort', listener);
  }

  markLogged(): void {}

  settled(call: SettledCall): void {
    this.row = call.row;
    this.planItem = call.planItem;
  }
}
