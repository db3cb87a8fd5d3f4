import { describe, expect, it } from 'vitest';
import { spliceDelta } from './splice-delta';

describe('adding a streamed piece at its offset', () => {
  it('appends a piece that starts where the text ends', () => {
    expect(spliceDelta('Hello', ', world', 5)).toEqual({ text: 'Hello, world', gap: false });
    expect(spliceDelta('', '你好', 0)).toEqual({ text: '你好', gap: false });
  });

  it('skips what the text already holds (a replay, or the saved text after a reset)', () => {
    expect(spliceDelta('Hello, wor', ', world', 5)).toEqual({ text: 'Hello, world', gap: false });
    expect(spliceDelta('Hello, world', ', world', 5)).toEqual({ text: 'Hello, world', gap: false });
    expect(spliceDelta('Hello, world!', 'Hello', 0)).toEqual({ text: 'Hello, world!', gap: false });
  });

  it('reports a gap instead of gluing text out of place', () => {
    expect(spliceDelta('Hello', 'world', 7)).toEqual({ text: 'Hello', gap: true });
  });
});
