import { describe, expect, it } from 'vitest';
import { SecretBox } from './secret-box.js';

describe('SecretBox', () => {
  it('round-trips, randomises, and refuses tampered or foreign ciphertexts', () => {
    const box = new SecretBox('a'.repeat(32));
    const sealed = box.seal('sk-upstream-key\nsecond');
    expect(sealed).toMatch(/^v1:/);
    expect(sealed).not.toContain('sk-upstream');
    expect(box.open(sealed)).toBe('sk-upstream-key\nsecond');
    expect(box.seal('same')).not.toBe(box.seal('same'));
    const raw = Buffer.from(sealed.slice(3), 'base64');
    raw[raw.length - 1]! ^= 1;
    expect(() => box.open(`v1:${raw.toString('base64')}`)).toThrow();
    expect(() => new SecretBox('b'.repeat(32)).open(sealed)).toThrow();
  });
});
