import { describe, expect, it } from 'vitest';
import type { BuildInput, UpstreamRequest } from '../provider-adapter.js';
import { createHunyuanAdapter } from './hunyuan-adapter.js';
import { parseHunyuanKey } from './key.js';
import { tc3Authorization } from './tc3.js';

const NOW = 1_719_816_830_123;
const adapter = createHunyuanAdapter({ now: () => NOW });

const input = (over: Partial<BuildInput> = {}): BuildInput => ({
  baseUrl: 'https://hunyuan.tencentcloudapi.com',
  basePath: '',
  host: 'hunyuan.tencentcloudapi.com',
  key: 'AKIDexample|secretExample',
  upstreamModel: 'hunyuan-turbos-latest',
  stream: true,
  extraHeaders: { 'X-TC-Region': 'ap-guangzhou' },
  passHeaders: {},
  body: { Model: 'alias', Messages: [{ Role: 'user', Content: '你好' }], Stream: false },
  ...over,
});

describe('Hunyuan adapter', () => {
  it('signs a POST to / with the ChatCompletions action headers', () => {
    const req = adapter.build(input()) as UpstreamRequest;
    expect(req.path).toBe('/');
    expect(JSON.parse(String(req.body))).toEqual({ Model: 'hunyuan-turbos-latest', Messages: [{ Role: 'user', Content: '你好' }], Stream: true });
    expect(req.headers).toMatchObject({
      'X-TC-Region': 'ap-guangzhou',
      'content-type': 'application/json',
      'x-tc-action': 'ChatCompletions',
      'x-tc-version': '2023-09-01',
      'x-tc-timestamp': '1719816830',
    });
    // The signature covers exactly the body and host that are sent.
    const expected = tc3Authorization({ secretId: 'AKIDexample', secretKey: 'secretExample' }, 'hunyuan', 1719816830, {
      method: 'POST',
      uri: '/',
      query: '',
      contentType: 'application/json',
      host: 'hunyuan.tencentcloudapi.com',
      payload: String(req.body),
    });
    expect(req.headers.authorization).toBe(expected);
    expect(req.headers.authorization).toMatch(/^TC3-HMAC-SHA256 Credential=AKIDexample\/2024-07-01\/hunyuan\/tc3_request, SignedHeaders=content-type;host, Signature=[0-9a-f]{64}$/);
  });

  it('accepts Chat Nio keys (AppId|SecretId|SecretKey) and refuses malformed ones', () => {
    expect(parseHunyuanKey('1300000000|AKIDx|sk')).toEqual({ secretId: 'AKIDx', secretKey: 'sk' });
    expect(parseHunyuanKey(' AKIDx | sk ')).toEqual({ secretId: 'AKIDx', secretKey: 'sk' });
    expect(() => parseHunyuanKey('sk-only')).toThrow(/SecretId\|SecretKey/);
    expect(() => parseHunyuanKey('a|b|c|d')).toThrow();
    expect(() => adapter.build(input({ key: 'plain' }))).toThrow();
  });

  it('signs the host and path of a proxy base URL', () => {
    const req = adapter.build(input({ basePath: '/hunyuan', host: 'proxy.example:8443' })) as UpstreamRequest;
    expect(req.path).toBe('/hunyuan');
    const expected = tc3Authorization({ secretId: 'AKIDexample', secretKey: 'secretExample' }, 'hunyuan', 1719816830, {
      method: 'POST',
      uri: '/hunyuan',
      query: '',
      contentType: 'application/json',
      host: 'proxy.example:8443',
      payload: String(req.body),
    });
    expect(req.headers.authorization).toBe(expected);
  });

  it('classifies by Tencent error code, not by the (usually 200) status', () => {
    const classify = adapter.classifyError!;
    const body = (code: string) => JSON.stringify({ Response: { Error: { Code: code, Message: `msg ${code}` }, RequestId: 'r' } });
    expect(classify(200, body('AuthFailure.SignatureFailure'))).toEqual({ kind: 'auth', status: 200, message: 'msg AuthFailure.SignatureFailure', retryable: true });
    expect(classify(200, body('ResourceInsufficient.ChargeResourceExhaust')).kind).toBe('quota');
    expect(classify(200, body('FailedOperation.ServiceStopArrears')).kind).toBe('quota');
    expect(classify(200, body('RequestLimitExceeded.UinLimitExceeded')).kind).toBe('rate_limit');
    expect(classify(200, body('InvalidParameter'))).toMatchObject({ kind: 'bad_request', retryable: false });
    expect(classify(200, body('OperationDenied.TextIllegalDetected')).kind).toBe('bad_request');
    expect(classify(200, body('FailedOperation.EngineServerError'))).toMatchObject({ kind: 'server', retryable: true });
    expect(classify(502, '<html>bad gateway</html>')).toMatchObject({ kind: 'server', status: 502 });
  });
});
