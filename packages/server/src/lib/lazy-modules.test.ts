import { describe, expect, it } from 'vitest';
import { LazyModules } from './lazy-modules.js';

describe('LazyModules', () => {
  it('loads once for concurrent callers, then answers synchronously', async () => {
    let imports = 0;
    const modules = new LazyModules<'a' | 'b', string>({ b: async () => `b${++imports}` }, { a: 'a' });
    expect(modules.get('a')).toBe('a');
    const [first, second] = [modules.get('b'), modules.get('b')];
    expect(first).toBeInstanceOf(Promise);
    expect(await first).toBe('b1');
    expect(await second).toBe('b1');
    expect(modules.get('b')).toBe('b1');
    expect(imports).toBe(1);
    expect(modules.keys().sort()).toEqual(['a', 'b']);
  });

  it('forgets a failed import so the next caller retries', async () => {
    let calls = 0;
    const modules = new LazyModules<'x', number>({
      x: async () => {
        if (++calls === 1) throw new Error('disk hiccup');
        return 42;
      },
    });
    await expect(modules.get('x')).rejects.toThrow('disk hiccup');
    expect(await modules.get('x')).toBe(42);
  });

  it('has nothing for a key nobody provides', () => {
    const modules = new LazyModules<string, number>({});
    expect(modules.get('nope')).toBeUndefined();
  });
});
