import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { UpstreamRequest } from '../provider-adapter.js';
import { signZhipuJwt, splitZhipuKey } from './jwt.js';
import { createZhipuTokenCache } from './token-cache.js';
import { createZhipuAdapter } from './zhipu-adapter.js';

const decode = (part: string): unknown => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));

describe('Zhipu JWT', () => {
  it('is HS256 over header.payload with Zhipu header and millisecond times', () => {
    const token = signZhipuJwt('myid', 'mysecret', 1_700_000_000_000, 300_000);
    const [h, p, s] = token.split('.') as [string, string, string];
    expect(decode(h)).toEqual({ alg: 'HS256', sign_type: 'SIGN' });
    expect(decode(p)).toEqual({ api_key: 'myid', exp: 1_700_000_300_000, timestamp: 1_700_000_000_000 });
    expect(s).toBe(createHmac('sha256', 'mysecret').update(`${h}.${p}`).digest('base64url'));
    // Fixed inputs give a fixed token: catches accidental changes to field order or encoding.
    expect(token).toBe(
      'eyJhbGciOiJIUzI1NiIsInNpZ25fdHlwZSI6IlNJR04ifQ.' +
        'eyJhcGlfa2V5IjoibXlpZCIsImV4cCI6MTcwMDAwMDMwMDAwMCwidGltZXN0YW1wIjoxNzAwMDAwMDAwMDAwfQ.' +
        createHmac('sha256', 'mysecret')
          .update('eyJhbGciOiJIUzI1NiIsInNpZ25fdHlwZSI6IlNJR04ifQ.eyJhcGlfa2V5IjoibXlpZCIsImV4cCI6MTcwMDAwMDMwMDAwMCwidGltZXN0YW1wIjoxNzAwMDAwMDAwMDAwfQ')
          .digest('base64url'),
    );
  });

  it('splits only id.secret keys', () => {
    expect(splitZhipuKey('a1b2.c3d4')).toEqual({ id: 'a1b2', secret: 'c3d4' });
    expect(splitZhipuKey('sk-plain')).toBeUndefined();
    expect(splitZhipuKey('a.b.c')).toBeUndefined();
    expect(splitZhipuKey('.secret')).toBeUndefined();
  });
});

describe('Zhipu token cache', () => {
  it('reuses a token until shortly before it expires, per key', () => {
    let now = 1_000_000;
    const token = createZhipuTokenCache({ now: () => now, ttlMs: 60_000, marginMs: 10_000 });
    const first = token('id.secret');
    now += 49_999;
    expect(token('id.secret')).toBe(first);
    expect(token('id2.secret')).not.toBe(first);
    now += 1;
    const second = token('id.secret');
    expect(second).not.toBe(first);
    expect(decode(second.split('.')[1]!)).toMatchObject({ exp: now + 60_000, timestamp: now });
  });

  it('sends keys without a dot as they are', () => {
    expect(createZhipuTokenCache()('plain-key')).toBe('plain-key');
  });
});

describe('Zhipu adapter', () => {
  it('replaces only the Bearer credential of the OpenAI request', async () => {
    const adapter = createZhipuAdapter({ now: () => 1_700_000_000_000 });
    const input = {
      baseUrl: 'https://open.bigmodel.cn/api/paas/v4',
      basePath: '/api/paas/v4',
      host: 'open.bigmodel.cn',
      upstreamModel: 'glm-4.6',
      stream: false,
      extraHeaders: { 'x-extra': '1' },
      passHeaders: {},
      body: { model: 'alias', messages: [{ role: 'user', content: 'hi' }] },
    };
    const jwt = (await adapter.build({ ...input, key: 'myid.mysecret' })) as UpstreamRequest;
    expect(jwt.headers.authorization).toBe(`Bearer ${signZhipuJwt('myid', 'mysecret', 1_700_000_000_000, 300_000)}`);
    expect(jwt.headers['x-extra']).toBe('1');
    expect(JSON.parse(String(jwt.body))).toEqual({ model: 'glm-4.6', messages: [{ role: 'user', content: 'hi' }] });
    const plain = (await adapter.build({ ...input, key: 'plain' })) as UpstreamRequest;
    expect(plain.headers.authorization).toBe('Bearer plain');
  });
});
