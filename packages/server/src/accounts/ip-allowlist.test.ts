import { describe, expect, it } from 'vitest';
import { compileAllowlist, ipEntryError } from './ip-allowlist.js';

describe('IP allowlist', () => {
  it('matches addresses and CIDR blocks, IPv4-mapped IPv6 included', () => {
    const allowed = compileAllowlist(['10.0.0.0/8', '192.168.1.7', '2001:db8::/32']);
    expect(allowed('10.20.30.40')).toBe(true);
    expect(allowed('::ffff:10.1.1.1')).toBe(true);
    expect(allowed('192.168.1.7')).toBe(true);
    expect(allowed('192.168.1.8')).toBe(false);
    expect(allowed('2001:db8::1')).toBe(true);
    expect(allowed('2001:db9::1')).toBe(false);
    expect(allowed('not-an-ip')).toBe(false);
  });

  it('rejects malformed entries', () => {
    expect(ipEntryError('10.0.0.0/8')).toBeUndefined();
    expect(ipEntryError('10.0.0.0/33')).toContain('prefix');
    expect(ipEntryError('example.com')).toContain('not an IP');
    expect(ipEntryError('1.2.3.4/8/9')).toContain('not an IP');
  });
});
