import type { Kv } from './kv.js';
import { MemoryKv } from './memory-kv.js';

export async function openKv(redisUrl: string | undefined, prefix: string): Promise<Kv> {
  if (!redisUrl) return new MemoryKv();
  const { RedisKv } = await import('./redis-kv.js');
  const kv = new RedisKv(redisUrl, prefix);
  await kv.ping();
  return kv;
}
