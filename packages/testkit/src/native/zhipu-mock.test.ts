import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NativeMock } from './server.js';
import { verifyZhipuJwt } from './zhipu-jwt-verify.js';
import { startZhipuMock, ZHIPU_CHAT_PATH } from './zhipu-mock.js';

/** A token built by hand from Zhipu's document (header, millisecond payload, HS256). */
function handToken(id: string, secret: string, exp: number, header: object = { alg: 'HS256', sign_type: 'SIGN' }): string {
  const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const head = `${enc(header)}.${enc({ api_key: id, exp, timestamp: exp - 60_000 })}`;
  return `${head}.${createHmac('sha256', secret).update(head).digest('base64url')}`;
}

describe('Zhipu JWT verification in the mock', () => {
  const secrets = new Map([['kid', 'ksecret']]);
  it('accepts a valid token and names Zhipu’s codes for the rest', () => {
    expect(verifyZhipuJwt(handToken('kid', 'ksecret', 2_000), secrets, 1_000)).toEqual({ ok: true, id: 'kid' });
    expect(verifyZhipuJwt(handToken('kid', 'ksecret', 1_000), secrets, 1_000)).toMatchObject({ ok: false, code: '1003' });
    expect(verifyZhipuJwt(handToken('kid', 'other', 2_000), secrets, 1_000)).toMatchObject({ ok: false, code: '1004' });
    expect(verifyZhipuJwt(handToken('kid', 'ksecret', 2_000, { alg: 'HS256', typ: 'JWT' }), secrets, 1_000)).toMatchObject({ ok: false, code: '1002' });
    expect(verifyZhipuJwt('not-a-jwt', secrets, 1_000)).toMatchObject({ ok: false, code: '1002' });
  });

  it('reads exp in milliseconds: a token stamped in seconds has long expired', () => {
    expect(verifyZhipuJwt(handToken('kid', 'ksecret', 1_900_000_000), secrets, 1_800_000_000_000)).toMatchObject({ code: '1003' });
  });
});

let mock: NativeMock;
beforeAll(async () => {
  mock = await startZhipuMock({ apiKeys: ['kid.ksecret'], text: 'abc', toolCall: { name: 'f', arguments: '{}' } });
});
afterAll(() => mock.close());

const post = (auth: string | undefined, body: object) =>
  fetch(mock.origin + ZHIPU_CHAT_PATH, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) },
    body: JSON.stringify(body),
  });
const chat = { model: 'glm-4', messages: [{ role: 'user', content: 'hi' }] };

describe('Zhipu mock', () => {
  it('answers with a JWT or the raw key, and refuses a missing header with 1001', async () => {
    const jwt = await post(`Bearer ${handToken('kid', 'ksecret', Date.now() + 60_000)}`, chat);
    expect(await jwt.json()).toMatchObject({ choices: [{ finish_reason: 'tool_calls', message: { content: 'abc', tool_calls: [{ function: { name: 'f' } }] } }] });
    expect((await post('Bearer kid.ksecret', chat)).status).toBe(200);
    const missing = await post(undefined, chat);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual({ error: { code: '1001', message: expect.any(String) } });
  });

  it('streams OpenAI-style chunks with usage last and [DONE]', async () => {
    const text = await (await post('Bearer kid.ksecret', { ...chat, stream: true })).text();
    const lines = text.split('\n').filter((l) => l.startsWith('data: '));
    expect(lines.at(-1)).toBe('data: [DONE]');
    expect(JSON.parse(lines.at(-2)!.slice(6))).toMatchObject({ choices: [{ finish_reason: 'tool_calls' }], usage: { prompt_tokens: 12 } });
  });
});
