import { describe, expect, it } from 'vitest';
import { AppError } from '../http/errors.js';
import { MemoryKv } from '../kv/memory-kv.js';
import { SignInThrottle } from './sign-in-throttle.js';

/** A check that never finished (the password check threw) must not count against the account. */
describe('SignInThrottle, abandoned checks', () => {
  const refusal = (p: Promise<unknown>) =>
    p.then(
      () => 'admitted',
      (err: AppError) => `${err.status} ${err.headers?.['retry-after']}`,
    );

  it('gives a free check back', async () => {
    const throttle = new SignInThrottle(new MemoryKv(), () => 0);
    await (await throttle.admit('a')).abandoned();
    for (let i = 0; i < 5; i++) await (await throttle.admit('a')).failed();
    expect(await refusal(throttle.admit('a'))).toBe('429 1');
  });

  it('gives the turn after a delay back, so the next attempt can take it', async () => {
    let now = 0;
    const throttle = new SignInThrottle(new MemoryKv(), () => now);
    for (let i = 0; i < 5; i++) await (await throttle.admit('a')).failed();
    now = 1000;
    const turn = await throttle.admit('a');
    expect(await refusal(throttle.admit('a'))).toBe('429 1');
    await turn.abandoned();
    const next = await throttle.admit('a');
    await next.failed();
    expect(await refusal(throttle.admit('a'))).toBe('429 2');
  });
});
