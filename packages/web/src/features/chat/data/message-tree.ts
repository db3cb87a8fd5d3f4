import type { Message } from './types';

/**
 * The conversation is a tree (regenerate and edit add siblings); the page shows one path from a
 * root to the current leaf. These functions work on the flat, oldest-first list the server sends.
 */

/** The messages from the root down to `leafId`, in order; empty when the leaf is unknown. */
export function pathTo(messages: readonly Message[], leafId: string | null): Message[] {
  const byId = new Map(messages.map((message) => [message.id, message]));
  const path: Message[] = [];
  for (let message = leafId ? byId.get(leafId) : undefined; message; message = message.parent_id ? byId.get(message.parent_id) : undefined) {
    path.push(message);
    if (path.length > messages.length) break; // a damaged tree with a cycle: show what was walked
  }
  return path.reverse();
}

/**
 * For each message, it and its siblings (same parent and role, roots together), oldest first:
 * one pass over the list, so a long conversation's branches are found in linear time.
 */
export function siblingsIn(messages: readonly Message[]): (message: Message) => readonly Message[] {
  const groups = new Map<string, Message[]>();
  const keyOf = (message: Message) => `${message.role}\u0000${message.parent_id ?? ''}`;
  for (const message of messages) {
    const group = groups.get(keyOf(message));
    if (group) group.push(message);
    else groups.set(keyOf(message), [message]);
  }
  return (message) => groups.get(keyOf(message)) ?? [message];
}

/** The newest end of the branch under `id` (newest child at each step), as the server picks it. */
export function newestLeafUnder(messages: readonly Message[], id: string): string {
  const children = new Map<string, Message[]>();
  for (const message of messages) {
    if (message.parent_id === null) continue;
    const list = children.get(message.parent_id) ?? [];
    list.push(message);
    children.set(message.parent_id, list);
  }
  let current = id;
  for (let steps = 0; steps <= messages.length; steps++) {
    const next = children.get(current);
    if (!next?.length) break;
    current = next.reduce((newest, m) => (m.created_at >= newest.created_at ? m : newest)).id;
  }
  return current;
}
