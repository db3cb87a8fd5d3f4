import { describe, expect, it } from 'vitest';
import { parseModelMapping } from './model-mapping.js';
import { buildSnapshot, hasRoute, modelsFor, planAttempts, seededRandom, type RoutableChannel } from './router.js';

function channel(id: number, over: Partial<Omit<RoutableChannel, 'mapping'>> & { mapping?: string } = {}): RoutableChannel {
  const { mapping, ...rest } = over;
  return {
    id,
    name: `ch${id}`,
    type: 'openai',
    baseUrl: `http://upstream-${id}/v1`,
    keys: [`key-${id}`],
    models: ['gpt-4o'],
    mapping: parseModelMapping(mapping ?? '').mapping,
    groups: [],
    priority: 0,
    weight: 1,
    retry: 1,
    headers: {},
    proxy: null,
    ...rest,
  };
}

const ids = (snapshot: ReturnType<typeof buildSnapshot>, model: string, group = 'normal', seed = 1) =>
  [...planAttempts(snapshot, model, group, seededRandom(seed))].map((a) => a.channel.id);

describe('router', () => {
  it('walks priority tiers from highest to lowest, one channel per tier', () => {
    const snap = buildSnapshot([
      channel(1, { priority: 0 }),
      channel(2, { priority: 10 }),
      channel(3, { priority: 5 }),
      channel(4, { priority: 5 }),
    ]);
    const order = ids(snap, 'gpt-4o');
    expect(order).toHaveLength(3);
    expect(order[0]).toBe(2);
    expect([3, 4]).toContain(order[1]);
    expect(order[2]).toBe(1);
  });

  it('tries a channel up to its retry count, rotating through its keys', () => {
    const snap = buildSnapshot([channel(1, { retry: 3, keys: ['a', 'b', 'c'] }), channel(2, { priority: -1 })]);
    const attempts = [...planAttempts(snap, 'gpt-4o', 'normal', seededRandom(7))];
    expect(attempts.map((a) => a.channel.id)).toEqual([1, 1, 1, 2]);
    expect(new Set(attempts.slice(0, 3).map((a) => a.key))).toEqual(new Set(['a', 'b', 'c']));
  });

  it('picks inside a tier in proportion to weight (fixed seed, 20k draws)', () => {
    const snap = buildSnapshot([channel(1, { weight: 1 }), channel(2, { weight: 3 }), channel(3, { weight: 6 })]);
    const random = seededRandom(42);
    const counts = new Map<number, number>();
    const draws = 20_000;
    for (let i = 0; i < draws; i++) {
      const first = planAttempts(snap, 'gpt-4o', 'normal', random).next().value!;
      counts.set(first.channel.id, (counts.get(first.channel.id) ?? 0) + 1);
    }
    // Expected shares 0.1 / 0.3 / 0.6; with 20k draws the standard error is < 0.004.
    expect((counts.get(1) ?? 0) / draws).toBeCloseTo(0.1, 1);
    expect(Math.abs((counts.get(2) ?? 0) / draws - 0.3)).toBeLessThan(0.015);
    expect(Math.abs((counts.get(3) ?? 0) / draws - 0.6)).toBeLessThan(0.015);
    // Chi-square goodness of fit, 2 degrees of freedom: 13.8 is the 0.1% critical value.
    const expected = [0.1, 0.3, 0.6].map((p) => p * draws);
    const chi = [1, 2, 3].reduce((s, id, i) => s + ((counts.get(id) ?? 0) - expected[i]!) ** 2 / expected[i]!, 0);
    expect(chi).toBeLessThan(13.8);
  });

  it('applies mapping: from>to sends `to` upstream; !from>to hides `to`', () => {
    const snap = buildSnapshot([
      channel(1, { models: ['gpt-4o-2024-08-06'], mapping: '!gpt-4o>gpt-4o-2024-08-06\nfast>gpt-4o-mini' }),
    ]);
    const first = planAttempts(snap, 'gpt-4o', 'normal', seededRandom(1)).next().value!;
    expect(first.upstreamModel).toBe('gpt-4o-2024-08-06');
    expect(planAttempts(snap, 'fast', 'normal').next().value!.upstreamModel).toBe('gpt-4o-mini');
    expect(modelsFor(snap, 'normal')).toEqual(['fast', 'gpt-4o']);
    expect(hasRoute(snap, 'gpt-4o-2024-08-06', 'normal')).toBe(false);
  });

  it('filters channels by user group; an empty group list is open to all', () => {
    const snap = buildSnapshot([channel(1, { groups: ['pro'], priority: 10 }), channel(2, { groups: [] })]);
    expect(ids(snap, 'gpt-4o', 'pro')).toEqual([1, 2]);
    expect(ids(snap, 'gpt-4o', 'normal')).toEqual([2]);
    const proOnly = buildSnapshot([channel(1, { groups: ['pro'] })]);
    expect(hasRoute(proOnly, 'gpt-4o', 'normal')).toBe(false);
    expect(modelsFor(proOnly, 'normal')).toEqual([]);
  });

  it('has no route for unknown models and ignores channels without keys', () => {
    const snap = buildSnapshot([channel(1, { keys: [] })]);
    expect(ids(snap, 'gpt-4o')).toEqual([]);
    expect(hasRoute(snap, 'nope', 'normal')).toBe(false);
  });
});

describe('parseModelMapping', () => {
  it('reports malformed lines instead of ignoring them', () => {
    const { mapping, errors } = parseModelMapping('a>b\nbad line\n!c>d\n\n# comment\ne>f>g');
    expect([...mapping.rules]).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect([...mapping.hidden]).toEqual(['d']);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toContain('line 2');
  });
});
