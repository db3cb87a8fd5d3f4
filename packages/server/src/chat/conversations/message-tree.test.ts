import { describe, expect, it } from 'vitest';
import { newestLeafUnder, pathIds, subtreeOf, type TreeNode } from './message-tree.js';

/**
 *   u1 ─ a1 ─ u2 ─ a2
 *      └ a1b (regenerated, newer) ─ u3
 *   r2 (a second root)
 */
const nodes: TreeNode[] = [
  { id: 'u1', parent_id: null, created_at: 1 },
  { id: 'a1', parent_id: 'u1', created_at: 2 },
  { id: 'u2', parent_id: 'a1', created_at: 3 },
  { id: 'a2', parent_id: 'u2', created_at: 4 },
  { id: 'a1b', parent_id: 'u1', created_at: 5 },
  { id: 'u3', parent_id: 'a1b', created_at: 6 },
  { id: 'r2', parent_id: null, created_at: 0 },
];

describe('message tree', () => {
  it('collects a subtree with the message itself', () => {
    expect([...subtreeOf(nodes, 'a1')].sort()).toEqual(['a1', 'a2', 'u2']);
    expect([...subtreeOf(nodes, 'u1')].sort()).toEqual(['a1', 'a1b', 'a2', 'u1', 'u2', 'u3']);
    expect([...subtreeOf(nodes, 'a2')]).toEqual(['a2']);
  });

  it('finds the newest leaf under a message, or in the whole forest', () => {
    expect(newestLeafUnder(nodes, 'u1')).toBe('u3');
    expect(newestLeafUnder(nodes, 'a1')).toBe('a2');
    expect(newestLeafUnder(nodes, 'a2')).toBe('a2');
    expect(newestLeafUnder(nodes, null)).toBe('u3');
    expect(newestLeafUnder([], null)).toBeNull();
  });

  it('walks the path from the root', () => {
    expect(pathIds(nodes, 'a2')).toEqual(['u1', 'a1', 'u2', 'a2']);
    expect(pathIds(nodes, 'u3')).toEqual(['u1', 'a1b', 'u3']);
    expect(pathIds(nodes, 'r2')).toEqual(['r2']);
    expect(pathIds(nodes, 'nope')).toBeUndefined();
  });

  it('stops on a cycle instead of looping', () => {
    const cyclic: TreeNode[] = [
      { id: 'x', parent_id: 'y', created_at: 1 },
      { id: 'y', parent_id: 'x', created_at: 2 },
    ];
    expect(pathIds(cyclic, 'x')!.length).toBeLessThanOrEqual(3);
    expect([...subtreeOf(cyclic, 'x')].sort()).toEqual(['x', 'y']);
  });
});
