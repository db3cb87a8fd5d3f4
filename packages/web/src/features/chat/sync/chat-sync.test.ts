import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createChatSync, type FetchChanges } from './chat-sync';
import { conversationKey, conversationListKey, flattenList, type ConversationListData, type ConversationPage } from './conversation-cache';
import { conversation as c } from './test-conversation';

const listed = (queryClient: QueryClient) => flattenList(queryClient.getQueryData<ConversationListData>(conversationListKey())).map((item) => item.id);

describe('the change stream keeping the cache live', () => {
  let queryClient: QueryClient;
  beforeEach(() => {
    vi.useFakeTimers();
    queryClient = new QueryClient();
    queryClient.setQueryData<ConversationListData>(conversationListKey(), {
      pages: [{ data: [c('a', 300), c('b', 200)], next_cursor: null }],
      pageParams: [undefined],
    });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('a burst of events costs one catch-up, read to its last page, from the newest change the list holds', async () => {
    const pages: Record<string, ConversationPage> = {
      first: { data: [c('b', 400, { title: 'renamed on another tab' })], next_cursor: 'more' },
      more: { data: [c('new', 401)], next_cursor: null },
    };
    const fetchChanges = vi.fn<FetchChanges>(async (_since, cursor) => pages[cursor ?? 'first']!);
    const sync = createChatSync(queryClient, fetchChanges);
    for (const at of [400, 401]) sync.onEvent({ conversation_id: 'x', kind: 'changed', updated_at: at });
    await vi.advanceTimersByTimeAsync(200);

    expect(fetchChanges.mock.calls).toEqual([
      [300, undefined],
      [300, 'more'],
    ]);
    expect(listed(queryClient)).toEqual(['new', 'b', 'a']);

    // The next catch-up starts from the newest change read back.
    sync.onEvent({ conversation_id: 'a', kind: 'changed', updated_at: 402 });
    await vi.advanceTimersByTimeAsync(200);
    expect(fetchChanges.mock.calls[2]).toEqual([401, undefined]);
  });

  it('refreshes an open conversation that changed and forgets one that was deleted', async () => {
    queryClient.setQueryData(conversationKey('a'), { id: 'a' });
    queryClient.setQueryData(conversationKey('b'), { id: 'b' });
    const sync = createChatSync(queryClient, async () => ({ data: [c('a', 500), c('b', 501, { deleted_at: 501 })], next_cursor: null }));
    sync.onEvent({ conversation_id: 'b', kind: 'deleted', updated_at: 501 });
    await vi.advanceTimersByTimeAsync(200);

    expect(listed(queryClient)).toEqual(['a']);
    expect(queryClient.getQueryState(conversationKey('a'))?.isInvalidated).toBe(true);
    expect(queryClient.getQueryData(conversationKey('b'))).toBeUndefined();
  });

  it('"all deleted" empties the list at once, without reading every deletion back', async () => {
    queryClient.setQueryData(conversationKey('a'), { id: 'a' });
    const fetchChanges = vi.fn<FetchChanges>();
    const sync = createChatSync(queryClient, fetchChanges);
    sync.onEvent({ conversation_id: null, kind: 'deleted', updated_at: 600 });
    await vi.advanceTimersByTimeAsync(200);

    expect(listed(queryClient)).toEqual([]);
    expect(queryClient.getQueryData(conversationKey('a'))).toBeUndefined();
    expect(fetchChanges).not.toHaveBeenCalled();
  });

  it('after a failed catch-up, a reconnect tries again from the same place', async () => {
    const fetchChanges = vi.fn<FetchChanges>().mockRejectedValueOnce(new Error('offline')).mockResolvedValue({ data: [c('new', 700)], next_cursor: null });
    const sync = createChatSync(queryClient, fetchChanges);
    sync.onEvent({ conversation_id: 'new', kind: 'changed', updated_at: 700 });
    await vi.advanceTimersByTimeAsync(200);
    sync.catchUp();
    await vi.advanceTimersByTimeAsync(200);

    expect(fetchChanges.mock.calls.map(([since]) => since)).toEqual([300, 300]);
    expect(listed(queryClient)).toEqual(['new', 'a', 'b']);
  });
});
