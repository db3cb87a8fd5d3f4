import { BlockList, isIP } from 'node:net';

/** Validates one allowlist entry: an IPv4/IPv6 address or a CIDR block. */
export function ipEntryError(entry: string): string | undefined {
  const [addr, prefix, extra] = entry.split('/');
  const family = addr ? isIP(addr) : 0;
  if (!family || extra !== undefined) return `"${entry}" is not an IP address or CIDR block`;
  if (prefix !== undefined) {
    const bits = Number(prefix);
    if (!/^\d+$/.test(prefix) || bits > (family === 4 ? 32 : 128)) return `"${entry}" has an invalid prefix length`;
  }
  return undefined;
}

/** Builds a matcher for a key's allowlist (node's BlockList, used as an allow list). */
export function compileAllowlist(entries: readonly string[]): (ip: string) => boolean {
  const list = new BlockList();
  for (const entry of entries) {
    const [addr = '', prefix] = entry.split('/');
    const type = isIP(addr) === 6 ? 'ipv6' : 'ipv4';
    if (prefix !== undefined) list.addSubnet(addr, Number(prefix), type);
    else list.addAddress(addr, type);
  }
  return (ip: string) => {
    // Dual-stack sockets report IPv4 peers as ::ffff:a.b.c.d.
    const v4 = ip.startsWith('::ffff:') && isIP(ip.slice(7)) === 4 ? ip.slice(7) : ip;
    const family = isIP(v4);
    if (!family) return false;
    return list.check(v4, family === 6 ? 'ipv6' : 'ipv4');
  };
}
