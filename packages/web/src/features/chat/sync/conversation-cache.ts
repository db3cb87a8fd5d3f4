import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import type { paths } from '@/lib/api/schema';

/** One page of `GET /api/chat/conversations` (also what `?since=` answers). */
export type ConversationPage = paths['/api/chat/conversations']['get']['responses'][200]['content']['application/json'];
export type Conversation = ConversationPage['data'][number];
export type ConversationListData = InfiniteData<ConversationPage>;

/** The sidebar's list (q '' = not searching); the integrator and the sync rely on this exact key. */
export const conversationListKey = (q = '') => ['conversations', { q }] as const;
/** One open conversation: the integrator owns this query; the sidebar and the sync only invalidate or remove it. */
export const conversationKey = (id: string) => ['conversation', id] as const;

/** The server's order: pinned first, then the newest change first (id breaks ties so the order is stable). */
export function compareConversations(a: Conversation, b: Conversation): number {
  if (a.pinned !== b.pinned) return a.pinned ? -1 : 1;
  if (a.updated_at !== b.updated_at) return b.updated_at - a.updated_at;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Every loaded conversation once, in page order. A conversation that moved between two page
 * fetches (changed meanwhile) can sit in two pages; the first copy is the one in its new place.
 */
export function flattenList(data: ConversationListData | undefined): Conversation[] {
  if (!data) return [];
  const seen = new Set<string>();
  const items: Conversation[] = [];
  for (const page of data.pages) {
    for (const conversation of page.data) {
      if (seen.has(conversation.id)) continue;
      seen.add(conversation.id);
      items.push(conversation);
    }
  }
  return items;
}

/**
 * Rewrites the loaded list through `change`, keeping the pages (and so their cursors, which the
 * next "load more" needs): each page keeps its size, the last one takes what is left over.
 */
export function rewriteList(data: ConversationListData, change: (items: Conversation[]) => Conversation[]): ConversationListData {
  const items = change(flattenList(data));
  let start = 0;
  const pages = data.pages.map((page, index) => {
    const end = index === data.pages.length - 1 ? items.length : Math.min(items.length, start + page.data.length);
    const slice = items.slice(start, end);
    start = end;
    return { ...page, data: slice };
  });
  return { ...data, pages };
}

/** Applies `change` to the cached list if it is loaded (a list never loaded is fetched fresh when shown). */
export function updateCachedList(queryClient: QueryClient, change: (items: Conversation[]) => Conversation[]): void {
  queryClient.setQueryData<ConversationListData>(conversationListKey(), (data) => (data ? rewriteList(data, change) : data));
}

/** The conversation with `patch` applied, re-sorted (a pin moves it to the top group). */
export function patchConversation(items: Conversation[], id: string, patch: Partial<Conversation>): Conversation[] {
  return items.map((item) => (item.id === id ? { ...item, ...patch } : item)).sort(compareConversations);
}
