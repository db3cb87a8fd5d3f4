/**
 * A conversation's messages form a forest joined by `parent_id` (a root has none; siblings are
 * alternative branches). These walk it in memory, from the few columns the store reads for the
 * purpose: a conversation holds hundreds of messages, not millions.
 */
export interface TreeNode {
  id: string;
  parent_id: string | null;
  created_at: number;
}

/** The message and every descendant of it. */
export function subtreeOf(nodes: readonly TreeNode[], rootId: string): Set<string> {
  const children = childrenByParent(nodes);
  const found = new Set<string>([rootId]);
  const pending = [rootId];
  for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
    for (const child of children.get(id) ?? []) {
      if (found.has(child.id)) continue;
      found.add(child.id);
      pending.push(child.id);
    }
  }
  return found;
}

/**
 * The leaf a branch switch or a deletion lands on: the most recently created message without
 * children under `under` (itself when it has none), or under the whole forest when `under` is null.
 * Null when there is nothing there.
 */
export function newestLeafUnder(nodes: readonly TreeNode[], under: string | null): string | null {
  const within = under === null ? undefined : subtreeOf(nodes, under);
  const candidates = within ? nodes.filter((n) => within.has(n.id)) : nodes;
  const parents = new Set(nodes.map((n) => n.parent_id));
  let best: TreeNode | undefined;
  for (const n of candidates) {
    if (parents.has(n.id)) continue;
    if (!best || n.created_at > best.created_at || (n.created_at === best.created_at && n.id > best.id)) best = n;
  }
  return best?.id ?? null;
}

/** The ids from the root down to `id`, or undefined when `id` is not in the forest. */
export function pathIds(nodes: readonly TreeNode[], id: string): string[] | undefined {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const path: string[] = [];
  // The bound guards against a cycle a hand-edited database could hold.
  for (let node = byId.get(id); node && path.length <= nodes.length; node = node.parent_id === null ? undefined : byId.get(node.parent_id)) {
    path.push(node.id);
  }
  return path.length ? path.reverse() : undefined;
}

function childrenByParent(nodes: readonly TreeNode[]): Map<string | null, TreeNode[]> {
  const map = new Map<string | null, TreeNode[]>();
  for (const n of nodes) {
    const list = map.get(n.parent_id);
    if (list) list.push(n);
    else map.set(n.parent_id, [n]);
  }
  return map;
}
