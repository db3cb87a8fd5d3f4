import { irText, type IrResponse, type IrStopReason, type IrStreamEncoder, type IrStreamEvent } from '@switchboard/protocol';
import type { CallerCodec } from '../../relay/generate/inbound.js';

/**
 * What the chat door receives of an answer, one JSON object per line. Only what a chat shows
 * is kept: text and reasoning deltas, how the answer finished, and an error raised mid-stream.
 * Tool calls never occur (the chat sends no tools); usage arrives with the settled usage row.
 */
export type ChatPiece =
  | { type: 'text'; text: string }
  | { type: 'reasoning'; text: string }
  | { type: 'finish'; reason: IrStopReason }
  | { type: 'error'; message: string };

const line = (piece: ChatPiece) => `${JSON.stringify(piece)}\n`;

/**
 * The chat door's "protocol": the relay core encodes answers with it exactly as it encodes
 * them for an API caller, and the chat door reads the lines back. Nothing is written for
 * events a chat does not show, so the stream commits (and can no longer fail over) only with
 * the first piece of output, as on `/v1`.
 */
export const chatCodec: CallerCodec = {
  protocol: 'chat',
  createStreamEncoder(): IrStreamEncoder {
    return {
      push(event: IrStreamEvent): string {
        switch (event.type) {
          case 'text-delta':
            return event.text ? line({ type: 'text', text: event.text }) : '';
          case 'reasoning-delta':
            return event.text ? line({ type: 'reasoning', text: event.text }) : '';
          case 'finish':
            return line({ type: 'finish', reason: event.stopReason });
          case 'error':
            return line({ type: 'error', message: event.message });
          default:
            return '';
        }
      },
      end: () => '',
    };
  },
  encodeResponse(ir: IrResponse): Record<string, unknown> {
    let reasoning = '';
    for (const part of ir.content) if (part.type === 'reasoning') reasoning += part.text;
    return { text: irText(ir.content), reasoning, reason: ir.stopReason };
  },
};

/** Splits what the core wrote into pieces; a partial last line waits in `rest` for the next write. */
export class ChatPieceReader {
  private rest = '';

  read(text: string): ChatPiece[] {
    const all = this.rest + text;
    const lines = all.split('\n');
    this.rest = lines.pop() ?? '';
    const pieces: ChatPiece[] = [];
    for (const l of lines) if (l) pieces.push(JSON.parse(l) as ChatPiece);
    return pieces;
  }
}
