import { useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { conversationListKey } from '../sync/conversation-cache';

const pageSize = 50;

/** The signed-in user's conversations, 50 a page, pinned first then newest (the sync keeps it live). */
export function useConversationList() {
  return useInfiniteQuery({
    queryKey: conversationListKey(),
    queryFn: ({ pageParam, signal }) =>
      unwrap(api.GET('/api/chat/conversations', { params: { query: { limit: pageSize, ...(pageParam ? { cursor: pageParam } : {}) } }, signal })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}
