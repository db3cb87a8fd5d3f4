import { describe, expect, it } from 'vitest';
import type { BuildInput, UpstreamRequest } from '../provider-adapter.js';
import { parseSparkKey } from './key.js';
import { sparkAuthQuery } from './sign.js';
import { createSparkAdapter, sparkAdapter } from './spark-adapter.js';

const NOW = Date.UTC(2024, 6, 1, 8, 13, 50);
const adapter = createSparkAdapter({ now: () => NOW });

const input = (over: Partial<BuildInput> = {}): BuildInput => ({
  baseUrl: 'https://spark-api.xf-yun.com',
  basePath: '',
  host: 'spark-api.xf-yun.com',
  key: 'app12345|secretExample|keyExample',
  upstreamModel: 'generalv3.5',
  stream: true,
  extraHeaders: { 'x-extra': '1' },
  passHeaders: {},
  body: { header: { uid: 'u1' }, parameter: { chat: { domain: 'alias', temperature: 0.5 } }, payload: { message: { text: [{ role: 'user', content: '你好' }] } } },
  ...over,
});

const build = (over: Partial<BuildInput> = {}) => adapter.build(input(over)) as UpstreamRequest;

describe('Spark adapter', () => {
  it('signs the chat path of the domain and puts the frame, with the APPID, in the body', () => {
    const req = build();
    const date = 'Mon, 01 Jul 2024 08:13:50 GMT';
    expect(req.path).toBe(`/v3.5/chat?${sparkAuthQuery({ apiKey: 'keyExample', apiSecret: 'secretExample', host: 'spark-api.xf-yun.com', path: '/v3.5/chat', date })}`);
    expect(new URL(req.path, 'https://x').searchParams.get('date')).toBe(date);
    expect(JSON.parse(String(req.body))).toEqual({
      header: { uid: 'u1', app_id: 'app12345' },
      parameter: { chat: { domain: 'generalv3.5', temperature: 0.5 } },
      payload: { message: { text: [{ role: 'user', content: '你好' }] } },
    });
    expect(req).toMatchObject({ method: 'GET', stream: true, headers: { 'x-extra': '1' } });
  });

  it('maps every documented domain to its path, and signs a proxy’s prefix and host', () => {
    const path = (model: string) => build({ upstreamModel: model }).path.split('?')[0];
    expect(['lite', 'generalv3', 'pro-128k', 'generalv3.5', 'max-32k', '4.0Ultra', 'spark-x'].map(path)).toEqual([
      '/v1.1/chat',
      '/v3.1/chat',
      '/chat/pro-128k',
      '/v3.5/chat',
      '/chat/max-32k',
      '/v4.0/chat',
      '/v1/x1',
    ]);
    const proxied = build({ basePath: '/spark', host: 'proxy.example:8443' });
    expect(proxied.path).toMatch(/^\/spark\/v3\.5\/chat\?/);
    expect(new URL(proxied.path, 'https://x').searchParams.get('host')).toBe('proxy.example:8443');
  });

  it('refuses unknown domains unless configured, malformed keys and a missing base URL', () => {
    expect(() => build({ upstreamModel: 'gpt-4o' })).toThrow(/unknown Spark model "gpt-4o"/);
    const custom = createSparkAdapter({ now: () => NOW, paths: { 'my-patch': '/v1.1/chat' } });
    expect((custom.build(input({ upstreamModel: 'my-patch' })) as UpstreamRequest).path).toMatch(/^\/v1\.1\/chat\?/);
    expect(() => build({ key: 'only|two' })).toThrow(/APPID\|APISecret\|APIKey/);
    expect(() => build({ host: '' })).toThrow(/base URL/);
    expect(parseSparkKey(' a | b | c ')).toEqual({ appId: 'a', apiSecret: 'b', apiKey: 'c' });
  });

  it('reads its own stream framing', () => {
    expect(sparkAdapter.streamContentType?.test('application/x-ndjson')).toBe(true);
    expect(sparkAdapter.streamContentType?.test('application/json')).toBe(false);
    const frames = sparkAdapter.createFrameDecoder!();
    expect(frames.push(Buffer.from('{"a":1}\n\n{"b"'))).toEqual([{ data: '{"a":1}' }]);
    expect(frames.push(Buffer.from(':2}'))).toEqual([]);
    expect(frames.end()).toEqual([{ data: '{"b":2}' }]);
  });

  it('classifies refused handshakes by status and error frames by iFlytek code', () => {
    const classify = sparkAdapter.classifyError!;
    expect(classify(401, '{"message":"HMAC signature does not match"}')).toEqual({ kind: 'auth', status: 401, message: 'HMAC signature does not match', retryable: true });
    expect(classify(403, '{"message":"forbidden"}').kind).toBe('auth');
    const frame = (code: number) => JSON.stringify([{ header: { code, message: `msg ${code}`, sid: 's', status: 2 } }]);
    expect(classify(200, frame(11200))).toEqual({ kind: 'auth', status: 200, message: 'msg 11200', retryable: true });
    expect(classify(200, frame(10016)).kind).toBe('auth');
    expect(classify(200, frame(11201)).kind).toBe('quota');
    expect(classify(200, frame(11202))).toMatchObject({ kind: 'rate_limit', retryable: true });
    expect(classify(200, frame(11203)).kind).toBe('rate_limit');
    expect(classify(200, frame(10013))).toMatchObject({ kind: 'bad_request', retryable: false });
    expect(classify(200, frame(10163)).kind).toBe('bad_request');
    expect(classify(200, frame(10907)).kind).toBe('bad_request');
    expect(classify(200, frame(10110))).toMatchObject({ kind: 'server', retryable: true });
    expect(classify(200, JSON.stringify({ header: { code: 10012, message: 'engine', status: 2 } })).kind).toBe('server');
    expect(classify(502, '<html>bad gateway</html>')).toMatchObject({ kind: 'server', status: 502 });
    expect(classify(404, '{"message":"no Route matched with those values"}').kind).toBe('not_found');
  });
});
