import { describe, expect, it } from 'vitest';
import { flattenList, patchConversation, rewriteList, type ConversationListData } from './conversation-cache';
import { mergeChanges } from './merge-changes';
import { conversation as c } from './test-conversation';

const ids = (items: { id: string }[]) => items.map((item) => item.id);

describe('merging sync changes into the list', () => {
  const list = [c('pin', 50, { pinned: true }), c('a', 300), c('b', 200), c('c', 100)];

  it('inserts a new conversation at the top of the unpinned ones', () => {
    expect(ids(mergeChanges(list, [c('new', 400)]))).toEqual(['pin', 'new', 'a', 'b', 'c']);
  });

  it('moves an updated conversation up and takes its new title', () => {
    const merged = mergeChanges(list, [c('c', 500, { title: 'renamed' })]);
    expect(ids(merged)).toEqual(['pin', 'c', 'a', 'b']);
    expect(merged[1]?.title).toBe('renamed');
  });

  it('removes a deleted conversation, and ignores the deletion of one never loaded', () => {
    expect(ids(mergeChanges(list, [c('b', 600, { deleted_at: 600 }), c('zz', 601, { deleted_at: 601 })]))).toEqual(['pin', 'a', 'c']);
  });

  it('removes everything when every conversation comes back deleted', () => {
    const changes = list.map((item, index) => c(item.id, 700 + index, { deleted_at: 700 + index }));
    expect(mergeChanges(list, changes)).toEqual([]);
  });

  it('keeps pinned ones first, newest first among them', () => {
    const merged = mergeChanges(list, [c('b', 800, { pinned: true }), c('new', 900)]);
    expect(ids(merged)).toEqual(['b', 'pin', 'new', 'a', 'c']);
  });

  it('ignores a change older than the copy already held', () => {
    const merged = mergeChanges(list, [c('a', 250, { title: 'stale' })]);
    expect(merged.find((item) => item.id === 'a')?.title).toBe('title a');
  });

  it('unpinning moves a conversation back among the dated ones', () => {
    expect(ids(patchConversation(list, 'pin', { pinned: false }))).toEqual(['a', 'b', 'c', 'pin']);
  });
});

describe('the paged cache', () => {
  const data: ConversationListData = {
    pages: [
      { data: [c('a', 300), c('b', 200)], next_cursor: 'p2' },
      { data: [c('c', 100), c('b', 200)], next_cursor: null },
    ],
    pageParams: [undefined, 'p2'],
  };

  it('shows a conversation that two pages hold only once', () => {
    expect(ids(flattenList(data))).toEqual(['a', 'b', 'c']);
  });

  it('keeps the pages and their cursors when the list changes', () => {
    const next = rewriteList(data, (items) => mergeChanges(items, [c('new', 400)]));
    expect(next.pages.map((page) => ids(page.data))).toEqual([['new', 'a'], ['b', 'c']]);
    expect(next.pages.map((page) => page.next_cursor)).toEqual(['p2', null]);
    expect(next.pageParams).toEqual([undefined, 'p2']);
  });
});
