import { exposedModels, type ModelMapping } from './model-mapping.js';

/**
 * Channel selection (C-2, C-3, C-4): pure logic over an immutable snapshot.
 *
 * Channels that serve a model are grouped in priority tiers, highest first. In each tier
 * one channel is drawn by weighted random among those open to the caller's group; it is
 * tried up to its attempt count, rotating through its keys; then the next tier. The plan
 * is a lazy generator, so a request that succeeds at once draws only one channel.
 */
export interface RoutableChannel {
  id: number;
  name: string;
  type: string;
  baseUrl: string;
  keys: readonly string[];
  models: readonly string[];
  mapping: ModelMapping;
  /** Empty = open to every group. */
  groups: readonly string[];
  priority: number;
  weight: number;
  /** Attempts on this channel before falling to the next tier (at least 1). */
  retry: number;
  headers: Readonly<Record<string, string>>;
  proxy: string | null;
}

export interface Attempt {
  channel: RoutableChannel;
  key: string;
  /** The model name sent upstream, after mapping. */
  upstreamModel: string;
}

interface Tier {
  priority: number;
  channels: RoutableChannel[];
}

export interface RouterSnapshot {
  readonly tiersByModel: ReadonlyMap<string, readonly Tier[]>;
}

export function buildSnapshot(channels: readonly RoutableChannel[]): RouterSnapshot {
  const byModel = new Map<string, Map<number, RoutableChannel[]>>();
  for (const channel of channels) {
    if (channel.keys.length === 0) continue;
    for (const model of exposedModels(channel.models, channel.mapping)) {
      let tiers = byModel.get(model);
      if (!tiers) byModel.set(model, (tiers = new Map()));
      const tier = tiers.get(channel.priority);
      if (tier) tier.push(channel);
      else tiers.set(channel.priority, [channel]);
    }
  }
  const tiersByModel = new Map<string, Tier[]>();
  for (const [model, tiers] of byModel) {
    tiersByModel.set(
      model,
      [...tiers.entries()]
        .sort((a, b) => b[0] - a[0])
        .map(([priority, list]) => ({ priority, channels: list.sort((a, b) => a.id - b.id) })),
    );
  }
  return { tiersByModel };
}

function channelOpenTo(channel: RoutableChannel, group: string): boolean {
  return channel.groups.length === 0 || channel.groups.includes(group);
}

/** Whether any channel would serve `model` to `group` (to tell "no channel" from "all failed"). */
export function hasRoute(snapshot: RouterSnapshot, model: string, group: string): boolean {
  return (snapshot.tiersByModel.get(model) ?? []).some((t) => t.channels.some((c) => channelOpenTo(c, group)));
}

/** Every model some channel serves to `group`, sorted. */
export function modelsFor(snapshot: RouterSnapshot, group: string): string[] {
  const out: string[] = [];
  for (const [model, tiers] of snapshot.tiersByModel) {
    if (tiers.some((t) => t.channels.some((c) => channelOpenTo(c, group)))) out.push(model);
  }
  return out.sort();
}

export function* planAttempts(
  snapshot: RouterSnapshot,
  model: string,
  group: string,
  random: () => number = Math.random,
): Generator<Attempt> {
  for (const tier of snapshot.tiersByModel.get(model) ?? []) {
    const open = tier.channels.filter((c) => channelOpenTo(c, group));
    if (open.length === 0) continue;
    const channel = pickWeighted(open, random);
    const upstreamModel = channel.mapping.rules.get(model) ?? model;
    const attempts = Math.max(1, channel.retry);
    const firstKey = Math.floor(random() * channel.keys.length);
    for (let i = 0; i < attempts; i++) {
      const key = channel.keys[(firstKey + i) % channel.keys.length] as string;
      yield { channel, key, upstreamModel };
    }
  }
}

function pickWeighted<T extends { weight: number }>(items: readonly T[], random: () => number): T {
  let total = 0;
  for (const item of items) total += Math.max(0, item.weight);
  if (total <= 0) return items[Math.floor(random() * items.length)] as T;
  let point = random() * total;
  for (const item of items) {
    point -= Math.max(0, item.weight);
    if (point < 0) return item;
  }
  return items[items.length - 1] as T;
}

/** Deterministic PRNG (mulberry32) for reproducible routing tests. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
