/**
 * What tells a user's open tabs and devices that their conversations changed (W-9). The
 * conversation store publishes a change after every write it commits; the per-user event
 * stream (`GET /api/chat/events`) forwards them, and a client then fetches with `?since=`.
 */
export interface ConversationChange {
  /** null: every conversation of the user was deleted at once. */
  conversation_id: string | null;
  kind: 'changed' | 'deleted';
  /** The conversation's new `updated_at` (ms), the client's next `since` cursor. */
  updated_at: number;
}

export interface ChangeFeed {
  /** Fire and forget: a lost notification only delays a device until its next sync. */
  publish(userId: number, change: ConversationChange): void;
}
