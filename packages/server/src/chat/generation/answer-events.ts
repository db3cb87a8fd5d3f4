import type { ChatPiece } from '../door/chat-codec.js';
import type { JobEventLog } from '../jobs/job-event-log.js';

/**
 * The events of one answer as it grows. Pieces that arrive within `windowMs` of the last event
 * go out as one (the first at once, so the first token is not delayed): a model that streams a
 * token per chunk does not cost an event, a Redis entry and a client wake-up per token.
 * Each delta carries `at`, the length of the text before it: a client that was reset (its
 * events trimmed) fetches the message, whose saved text may already hold some of the events
 * that follow, and skips exactly what it has.
 */
export class AnswerEvents {
  content = '';
  reasoning = '';
  private pendingText = '';
  private pendingReasoning = '';
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly log: JobEventLog,
    private readonly jobId: string,
    private readonly windowMs = 25,
  ) {}

  add(piece: ChatPiece): void {
    if (piece.type === 'text') this.pendingText += piece.text;
    else if (piece.type === 'reasoning') this.pendingReasoning += piece.text;
    else return;
    if (this.timer) return;
    this.flush();
    this.timer = setTimeout(this.tick, this.windowMs);
  }

  /** Sends what is pending; no more events come after it. */
  finish(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.flush();
  }

  private readonly tick = (): void => {
    this.timer = undefined;
    if (!this.pendingText && !this.pendingReasoning) return;
    this.flush();
    this.timer = setTimeout(this.tick, this.windowMs);
  };

  private flush(): void {
    if (this.pendingReasoning) {
      this.log.append(this.jobId, 'reasoning', JSON.stringify({ text: this.pendingReasoning, at: this.reasoning.length }));
      this.reasoning += this.pendingReasoning;
      this.pendingReasoning = '';
    }
    if (this.pendingText) {
      this.log.append(this.jobId, 'delta', JSON.stringify({ text: this.pendingText, at: this.content.length }));
      this.content += this.pendingText;
      this.pendingText = '';
    }
  }
}
