import { compareConversations, type Conversation } from './conversation-cache';

/**
 * Merges what `?since=` answered into the loaded list: a deleted one (`deleted_at` set) leaves,
 * a changed one replaces its older copy or joins, and the list is put back in the server's order.
 * A change older than the copy already held (an answer that crossed a newer one) is ignored.
 */
export function mergeChanges(items: Conversation[], changes: Conversation[]): Conversation[] {
  const byId = new Map(items.map((item) => [item.id, item]));
  for (const change of changes) {
    const held = byId.get(change.id);
    if (held && held.updated_at > change.updated_at) continue;
    if (change.deleted_at !== null) byId.delete(change.id);
    else byId.set(change.id, change);
  }
  return [...byId.values()].sort(compareConversations);
}
