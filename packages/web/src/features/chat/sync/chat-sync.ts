import type { QueryClient } from '@tanstack/react-query';
import { conversationKey, conversationListKey, flattenList, updateCachedList, type Conversation, type ConversationListData, type ConversationPage } from './conversation-cache';
import { mergeChanges } from './merge-changes';

/** The data of one `changed` event of `GET /api/chat/events`. */
export interface ChangeEvent {
  conversation_id: string | null;
  kind: 'changed' | 'deleted';
  updated_at: number;
}

/** Reads one page of `?since=`; the hook passes the real API, tests a fake. */
export type FetchChanges = (since: number, cursor: string | undefined) => Promise<ConversationPage>;

/** A burst of events (a streaming answer, a delete of many) costs one fetch. */
const debounceMs = 150;

/**
 * Keeps the cache in step with the change stream: after events (debounced) or a reconnect it
 * reads every conversation changed since the largest `updated_at` it has seen, merges them into
 * the list, refreshes the open ones and drops the deleted ones.
 */
export function createChatSync(queryClient: QueryClient, fetchChanges: FetchChanges) {
  // The largest updated_at read back from the server: `?since=` is inclusive, so starting there
  // reads at most the last one again, never misses one. Events alone do not move it, because a
  // burst can announce a later change before the fetch has read an earlier one.
  let cursor: number | null = null;
  // The oldest change announced while no cursor is known yet.
  let announced: number | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let again = false;
  let disposed = false;

  const listNewest = (): number | null => {
    const items = flattenList(queryClient.getQueryData<ConversationListData>(conversationListKey()));
    return items.length ? Math.max(...items.map((item) => item.updated_at)) : null;
  };

  const apply = (changes: Conversation[]) => {
    updateCachedList(queryClient, (items) => mergeChanges(items, changes));
    for (const change of changes) {
      if (change.deleted_at !== null) queryClient.removeQueries({ queryKey: conversationKey(change.id), exact: true });
      else void queryClient.invalidateQueries({ queryKey: conversationKey(change.id), exact: true });
    }
    // Search hits may name a renamed or deleted conversation; only a search on screen refetches.
    if (changes.length) void queryClient.invalidateQueries({ queryKey: ['chat-search'] });
  };

  const run = async () => {
    if (running) {
      again = true;
      return;
    }
    // Without a cursor, the older of the list's newest change and the first announced one:
    // the list on screen holds everything up to its newest, the events everything after.
    const known = [announced, listNewest()].filter((value): value is number => value !== null);
    const since = cursor ?? (known.length ? Math.min(...known) : null);
    if (since === null) return; // nothing loaded and nothing announced: the list loads fresh when shown
    running = true;
    announced = null;
    try {
      const changes: Conversation[] = [];
      let page: string | undefined;
      do {
        const answer = await fetchChanges(since, page);
        if (disposed) return;
        changes.push(...answer.data);
        page = answer.next_cursor ?? undefined;
      } while (page);
      apply(changes);
      cursor = Math.max(since, ...changes.map((change) => change.updated_at));
    } catch {
      // Offline or the server away: the stream's reconnect (or the next event) tries again from here.
      if (cursor === null) announced = Math.min(announced ?? since, since);
    } finally {
      running = false;
    }
    if (again && !disposed) {
      again = false;
      await run();
    }
  };

  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), debounceMs);
  };

  return {
    /** A `changed` event. */
    onEvent(event: ChangeEvent) {
      if (event.conversation_id === null && event.kind === 'deleted') {
        // All deleted (here or on another device): empty the list at once, no need to read every row back.
        updateCachedList(queryClient, () => []);
        queryClient.removeQueries({ queryKey: ['conversation'] });
        cursor = Math.max(cursor ?? event.updated_at, event.updated_at);
        return;
      }
      if (cursor === null) announced = Math.min(announced ?? event.updated_at, event.updated_at);
      schedule();
    },
    /** The stream (re)opened: changes made while it was away were not announced. */
    catchUp() {
      schedule();
    },
    dispose() {
      disposed = true;
      clearTimeout(timer);
    },
  };
}
