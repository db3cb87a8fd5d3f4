import { randomId } from '../crypto/tokens.js';
import type { Kv } from './kv.js';

/**
 * Cache invalidation across nodes. `publish` first applies the change on this node and
 * waits for it (so the writer's next request already sees it), then tells the other
 * nodes through the Kv; they apply it when the message arrives. Handlers are idempotent.
 */
export type Invalidation =
  | { kind: 'channels' }
  | { kind: 'key'; hash: string }
  | { kind: 'user'; id: number }
  | { kind: 'session'; id: string }
  | { kind: 'prices' }
  | { kind: 'settings' }
  | { kind: 'plans' }
  | { kind: 'market' };

type Handler = (msg: Invalidation) => void | Promise<void>;

const CHANNEL = 'invalidate';

export class InvalidationBus {
  private readonly handlers: Handler[] = [];
  private readonly node = randomId(8);

  constructor(private readonly kv: Kv) {}

  async start(): Promise<void> {
    await this.kv.subscribe(CHANNEL, (raw) => {
      let envelope: { from: string; msg: Invalidation };
      try {
        envelope = JSON.parse(raw) as { from: string; msg: Invalidation };
      } catch {
        return;
      }
      if (envelope.from === this.node) return;
      void this.apply(envelope.msg);
    });
  }

  on(handler: Handler): void {
    this.handlers.push(handler);
  }

  async publish(msg: Invalidation): Promise<void> {
    await this.apply(msg);
    await this.kv.publish(CHANNEL, JSON.stringify({ from: this.node, msg }));
  }

  private async apply(msg: Invalidation): Promise<void> {
    await Promise.all(this.handlers.map(async (h) => h(msg)));
  }
}
