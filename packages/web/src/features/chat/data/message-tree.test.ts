import { describe, expect, it } from 'vitest';
import { newestLeafUnder, pathTo, siblingsIn } from './message-tree';
import type { Message } from './types';

const message = (id: string, parent: string | null, role: 'user' | 'assistant', at: number): Message => ({
  id,
  parent_id: parent,
  role,
  content: id,
  reasoning: null,
  attachments: [],
  status: 'done',
  model: null,
  provider: null,
  prompt_tokens: null,
  completion_tokens: null,
  cost: null,
  plan_item: null,
  latency_ms: null,
  ttft_ms: null,
  finish_reason: null,
  error: null,
  error_code: null,
  created_at: at,
  updated_at: at,
});

// q1 → a1 (regenerated as a2) ; a2 → q2 ; q1 edited as q1b → a3
const tree = [
  message('q1', null, 'user', 1),
  message('a1', 'q1', 'assistant', 2),
  message('a2', 'q1', 'assistant', 3),
  message('q2', 'a2', 'user', 4),
  message('q1b', null, 'user', 5),
  message('a3', 'q1b', 'assistant', 6),
];

describe('the message tree', () => {
  it('walks the shown branch from the root to the leaf', () => {
    expect(pathTo(tree, 'q2').map((m) => m.id)).toEqual(['q1', 'a2', 'q2']);
    expect(pathTo(tree, 'a1').map((m) => m.id)).toEqual(['q1', 'a1']);
    expect(pathTo(tree, null)).toEqual([]);
    expect(pathTo(tree, 'gone')).toEqual([]);
  });

  it('lists a regenerated answer and an edited question with their siblings, oldest first (the 2/3 navigator)', () => {
    const siblingsOf = siblingsIn(tree);
    expect(siblingsOf(tree[2]!).map((m) => m.id)).toEqual(['a1', 'a2']);
    expect(siblingsOf(tree[4]!).map((m) => m.id)).toEqual(['q1', 'q1b']);
    expect(siblingsOf(tree[3]!).map((m) => m.id)).toEqual(['q2']);
  });

  it('goes to the newest end of a branch when switching to it', () => {
    expect(newestLeafUnder(tree, 'q1')).toBe('q2');
    expect(newestLeafUnder(tree, 'a1')).toBe('a1');
    expect(newestLeafUnder(tree, 'q1b')).toBe('a3');
  });

  it('survives a cycle in a damaged tree', () => {
    const looped = [message('x', 'y', 'user', 1), message('y', 'x', 'assistant', 2)];
    expect(pathTo(looped, 'x').length).toBeLessThanOrEqual(3);
  });
});
