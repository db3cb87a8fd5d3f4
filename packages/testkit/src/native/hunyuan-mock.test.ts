import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHunyuanMock } from './hunyuan-mock.js';
import type { NativeMock } from './server.js';
import { expectedTc3Signature, parseTc3Authorization } from './tc3-verify.js';

// The mock's signature check is an independent implementation; it must reproduce the
// worked example of Tencent's "Signature v3" document before it may judge anyone.
describe('TC3 verification in the mock', () => {
  it('matches Tencent’s documented signature', () => {
    expect(
      expectedTc3Signature({
        secretKey: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE',
        method: 'POST',
        path: '/',
        headers: { 'content-type': 'application/json; charset=utf-8', host: 'cvm.tencentcloudapi.com' },
        signedHeaders: ['content-type', 'host'],
        payload: '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}',
        timestamp: '1551113065',
        date: '2019-02-25',
        service: 'cvm',
      }),
    ).toBe('72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168');
    expect(parseTc3Authorization('TC3-HMAC-SHA256 Credential=AKID/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=' + 'a'.repeat(64))).toEqual({
      secretId: 'AKID',
      date: '2019-02-25',
      service: 'cvm',
      signedHeaders: ['content-type', 'host'],
      signature: 'a'.repeat(64),
    });
  });
});

const NOW = 1_719_816_830_000;
let mock: NativeMock;
beforeAll(async () => {
  mock = await startHunyuanMock({ apiKeys: ['AKIDtest|secret'], now: () => NOW, text: '你好' });
});
afterAll(() => mock.close());

/** Posts a request signed by the mock's own routine, optionally tampered with after signing. */
async function signedPost(body: string, opts: { tamper?: string; secret?: string; action?: string } = {}): Promise<Record<string, unknown>> {
  const host = new URL(mock.url).host;
  const timestamp = String(NOW / 1000);
  const signature = expectedTc3Signature({
    secretKey: opts.secret ?? 'secret',
    method: 'POST',
    path: '/',
    headers: { 'content-type': 'application/json', host },
    signedHeaders: ['content-type', 'host'],
    payload: body,
    timestamp,
    date: '2024-07-01',
    service: 'hunyuan',
  });
  const res = await fetch(mock.url + '/', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-tc-action': opts.action ?? 'ChatCompletions',
      'x-tc-version': '2023-09-01',
      'x-tc-timestamp': timestamp,
      authorization: `TC3-HMAC-SHA256 Credential=AKIDtest/2024-07-01/hunyuan/tc3_request, SignedHeaders=content-type;host, Signature=${signature}`,
    },
    body: opts.tamper ?? body,
  });
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, unknown>;
}

const body = JSON.stringify({ Model: 'hunyuan-lite', Messages: [{ Role: 'user', Content: '你好' }] });

describe('Hunyuan mock', () => {
  it('answers a correctly signed request inside the Response envelope', async () => {
    expect(await signedPost(body)).toMatchObject({
      Response: { Choices: [{ FinishReason: 'stop', Message: { Role: 'assistant', Content: '你好' } }], Usage: { PromptTokens: 12 } },
    });
  });

  it('answers a bad signature with HTTP 200 and AuthFailure.SignatureFailure', async () => {
    expect(await signedPost(body, { tamper: body.replace('你好', '再见') })).toMatchObject({ Response: { Error: { Code: 'AuthFailure.SignatureFailure' } } });
    expect(await signedPost(body, { secret: 'wrong' })).toMatchObject({ Response: { Error: { Code: 'AuthFailure.SignatureFailure' } } });
  });

  it('checks the action', async () => {
    expect(await signedPost(body, { action: 'ChatStd' })).toMatchObject({ Response: { Error: { Code: 'InvalidAction' } } });
  });
});
