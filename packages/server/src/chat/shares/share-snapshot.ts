import { z } from 'zod';
import { attachment, isDataUrl } from '../conversations/attachments.js';
import type { MessageView } from '../conversations/message-view.js';

/**
 * What a share holds (W-8): a copy of one path of a conversation, so the link keeps showing what
 * was shared whatever happens to the conversation later. Only what a reader needs: no ids, no
 * costs, no owner.
 */
export const sharedMessage = z.object({
  role: z.enum(['user', 'assistant']),
  content: z.string(),
  reasoning: z.string().nullable(),
  attachments: z.array(attachment),
  model: z.string().nullable(),
  created_at: z.number(),
  note: z.string().nullable().describe('what was left out of this message, if anything (inline images over 1 MB)'),
});

export type SharedMessage = z.output<typeof sharedMessage>;

export const shareSnapshot = z.object({ messages: z.array(sharedMessage) });

/** An inline (data:) image larger than this stays out of a share: share pages should load fast. */
const MAX_SHARED_DATA_URL = 1024 * 1024;

export function sharedMessageOf(message: MessageView): SharedMessage {
  const kept = message.attachments.filter((a) => !isDataUrl(a.url) || a.url.length <= MAX_SHARED_DATA_URL);
  const dropped = message.attachments.length - kept.length;
  return {
    role: message.role,
    content: message.content,
    reasoning: message.reasoning,
    attachments: kept,
    model: message.model,
    created_at: message.created_at,
    note: dropped ? `${dropped} inline image${dropped > 1 ? 's' : ''} over 1 MB left out` : null,
  };
}
