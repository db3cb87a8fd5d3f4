import type { Logger } from 'pino';
import { z } from 'zod';
import type { Kv } from '../../kv/kv.js';
import type { ChangeFeed, ConversationChange } from '../change-feed.js';

/** The one Kv channel every node subscribes to once. */
const CHANNEL = 'chat-changes';

type Listener = (change: ConversationChange) => void;

/** A ConversationChange as it travels: between nodes, and to clients in `event: changed`. */
export const conversationChange = z.object({
  conversation_id: z.string().nullable().describe('null: every conversation was deleted'),
  kind: z.enum(['changed', 'deleted']),
  updated_at: z.number().int().describe('ms; the next ?since= cursor'),
}) satisfies z.ZodType<ConversationChange>;

/** A message on the channel comes from another process: read through a schema, dropped when it does not fit. */
const changeMessage = z.object({ userId: z.number().int().positive(), change: conversationChange });

/**
 * The per-user change stream (W-9). A change published on any node goes through the Kv
 * (Redis pub/sub, or the in-memory Kv on one node) to every node, the publisher included,
 * and each node hands it to its own listeners of that user: the open `/api/chat/events`
 * streams of the user's tabs and devices. Fire and forget: a lost notification only delays
 * a device until its next sync.
 */
export class ChatChangeStream implements ChangeFeed {
  private readonly listeners = new Map<number, Set<Listener>>();

  constructor(
    private readonly kv: Kv,
    private readonly log: Logger,
  ) {}

  async start(): Promise<void> {
    await this.kv.subscribe(CHANNEL, (raw) => this.deliver(raw));
  }

  publish(userId: number, change: ConversationChange): void {
    this.kv.publish(CHANNEL, JSON.stringify({ userId, change })).catch((err: unknown) => this.log.warn({ err }, 'chat change not published'));
  }

  /** Calls `listener` with each change of the user's conversations, until the returned function is called. */
  listen(userId: number, listener: Listener): () => void {
    let set = this.listeners.get(userId);
    if (!set) this.listeners.set(userId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(userId) === set) this.listeners.delete(userId);
    };
  }

  private deliver(raw: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      return;
    }
    const message = changeMessage.safeParse(parsed);
    if (!message.success) return;
    const set = this.listeners.get(message.data.userId);
    if (set) for (const listener of [...set]) listener(message.data.change);
  }
}
