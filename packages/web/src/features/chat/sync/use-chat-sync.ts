import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useSession } from '@/features/auth/session';
import { api, apiBase, unwrap } from '@/lib/api/client';
import { createChatSync, type ChangeEvent } from './chat-sync';

const pageSize = 100;
const firstRetryMs = 2_000;
const lastRetryMs = 60_000;

/**
 * Live sync of the conversation list across tabs and devices, while signed in: listens to
 * `GET /api/chat/events` and merges each change into `['conversations', { q: '' }]`, refreshes
 * `['conversation', id]` of a changed one and removes it for a deleted one. Mount once, in the
 * signed-in shell.
 */
export function useChatSync(): void {
  const queryClient = useQueryClient();
  const userId = useSession().data?.id;

  useEffect(() => {
    if (userId === undefined || typeof EventSource === 'undefined') return;
    const sync = createChatSync(queryClient, (since, cursor) =>
      unwrap(api.GET('/api/chat/conversations', { params: { query: { since, limit: pageSize, ...(cursor ? { cursor } : {}) } } })),
    );
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let delay = firstRetryMs;
    const connect = () => {
      source = new EventSource(`${apiBase}/api/chat/events`, { withCredentials: true });
      source.addEventListener('changed', (event) => {
        try {
          sync.onEvent(JSON.parse((event as MessageEvent<string>).data) as ChangeEvent);
        } catch {
          // A malformed event says something changed all the same.
          sync.catchUp();
        }
      });
      // Every open, the first included: what changed between the list's fetch and now was not announced.
      source.addEventListener('open', () => {
        delay = firstRetryMs;
        sync.catchUp();
      });
      // A dropped connection is retried by EventSource itself; an HTTP error (a proxy's 502 during a
      // deploy) closes it for good, so that one is retried here, waiting longer each time.
      source.addEventListener('error', () => {
        if (source?.readyState !== EventSource.CLOSED) return;
        retry = setTimeout(connect, delay);
        delay = Math.min(delay * 2, lastRetryMs);
      });
    };
    connect();
    return () => {
      clearTimeout(retry);
      source?.close();
      sync.dispose();
    };
  }, [queryClient, userId]);
}
