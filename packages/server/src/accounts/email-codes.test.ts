import { describe, expect, it } from 'vitest';
import { MemoryKv } from '../kv/memory-kv.js';
import { EmailCodes, MAX_TRIES } from './email-codes.js';

const SECRET = 'unit-test-secret-that-is-long-enough-000';
const wrongOf = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describe('EmailCodes', () => {
  it('issues 6-digit codes and stores no code in the clear', async () => {
    const kv = new MemoryKv();
    const codes = new EmailCodes(kv, SECRET);
    const code = await codes.issue('register', 'a@example.com');
    expect(code).toMatch(/^\d{6}$/);
    const stored = [...(kv as unknown as { entries: Map<string, { value: string }> }).entries.values()].map((e) => e.value).join(' ');
    expect(stored).not.toContain(code);
  });

  it('accepts a code once', async () => {
    const codes = new EmailCodes(new MemoryKv(), SECRET);
    const code = await codes.issue('register', 'a@example.com');
    expect(await codes.consume('register', 'a@example.com', code)).toEqual({ ok: true });
    expect((await codes.consume('register', 'a@example.com', code)).ok).toBe(false);
  });

  it('voids a code after five wrong tries, even for the right code afterwards', async () => {
    const codes = new EmailCodes(new MemoryKv(), SECRET);
    const code = await codes.issue('reset', 'a@example.com');
    const results = [];
    for (let i = 0; i < MAX_TRIES; i++) results.push(await codes.consume('reset', 'a@example.com', wrongOf(code)));
    expect(results.map((r) => (r.ok ? 'ok' : r.reason))).toEqual(['wrong', 'wrong', 'wrong', 'wrong', 'voided']);
    expect(await codes.consume('reset', 'a@example.com', code)).toMatchObject({ ok: false, reason: 'missing' });
  });

  it('lets concurrent guesses take at most five tries and a right code win once', async () => {
    const codes = new EmailCodes(new MemoryKv(), SECRET);
    const code = await codes.issue('register', 'b@example.com');
    const guesses = await Promise.all(Array.from({ length: 20 }, () => codes.consume('register', 'b@example.com', wrongOf(code))));
    expect(guesses.filter((g) => !g.ok && g.reason === 'wrong')).toHaveLength(MAX_TRIES - 1);
    const again = await codes.issue('register', 'b@example.com');
    const rights = await Promise.all(Array.from({ length: 10 }, () => codes.consume('register', 'b@example.com', again)));
    expect(rights.filter((r) => r.ok)).toHaveLength(1);
  });

  it('keeps codes apart by purpose and address, and a new code replaces the old one', async () => {
    const codes = new EmailCodes(new MemoryKv(), SECRET);
    const first = await codes.issue('register', 'c@example.com');
    expect((await codes.consume('reset', 'c@example.com', first)).ok).toBe(false);
    expect((await codes.consume('register', 'd@example.com', first)).ok).toBe(false);
    const second = await codes.issue('register', 'c@example.com');
    if (second !== first) expect((await codes.consume('register', 'c@example.com', first)).ok).toBe(false);
    expect((await codes.consume('register', 'c@example.com', second)).ok).toBe(true);
  });
});
