import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { BuildInput, UpstreamRequest } from '../provider-adapter.js';
import { BEDROCK_ANTHROPIC_VERSION, buildBedrockRequest, createBedrockAdapter } from './bedrock-adapter.js';
import { classifyBedrockError } from './bedrock-errors.js';
import { parseBedrockKey } from './bedrock-key.js';

const AKID = 'AKIDEXAMPLE';
const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
const MODEL = 'anthropic.claude-3-5-sonnet-20241022-v2:0';
const date = new Date('2025-01-02T03:04:05Z');

function input(overrides: Partial<BuildInput> = {}): BuildInput {
  return {
    baseUrl: '',
    basePath: '',
    host: '',
    key: `${AKID}|${SECRET}|us-west-2`,
    upstreamModel: MODEL,
    stream: false,
    extraHeaders: {},
    passHeaders: {},
    body: { model: 'claude-3-5-sonnet', stream: true, max_tokens: 64, messages: [{ role: 'user', content: 'hi' }] },
    ...overrides,
  };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const hmac = (key: string | Buffer, text: string) => createHmac('sha256', key).update(text).digest();

/**
 * Recomputes the signature step by step from the documented algorithm, independently of
 * sigv4.ts, with the canonical URI written out by hand.
 */
function expectedSignature(req: UpstreamRequest, opts: { host: string; canonicalUri: string; region: string; secret: string }): string {
  const amzDate = req.headers['x-amz-date']!;
  const signed = /SignedHeaders=([^,]+)/.exec(req.headers.authorization!)![1]!.split(';');
  const all: Record<string, string> = { ...req.headers, host: opts.host };
  const canonicalHeaders = signed.map((h) => `${h}:${all[h]!.trim()}\n`).join('');
  const canonical = ['POST', opts.canonicalUri, '', canonicalHeaders, signed.join(';'), sha256(req.body as string)].join('\n');
  const scope = `${amzDate.slice(0, 8)}/${opts.region}/bedrock/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonical)].join('\n');
  let key = hmac(`AWS4${opts.secret}`, amzDate.slice(0, 8));
  for (const part of [opts.region, 'bedrock', 'aws4_request']) key = hmac(key, part);
  return createHmac('sha256', key).update(toSign).digest('hex');
}

describe('Bedrock adapter: request', () => {
  it('targets the regional endpoint and signs its host', () => {
    const req = buildBedrockRequest(input(), date);
    expect(req.origin).toBe('https://bedrock-runtime.us-west-2.amazonaws.com');
    expect(req.path).toBe('/model/anthropic.claude-3-5-sonnet-20241022-v2%3A0/invoke');
    expect(req.headers['content-type']).toBe('application/json');
    expect(req.headers.accept).toBe('application/json');
    expect(req.headers['x-amz-date']).toBe('20250102T030405Z');
    expect(req.headers['x-amz-content-sha256']).toBe(sha256(req.body as string));
    expect(req.headers['x-amz-security-token']).toBeUndefined();
    expect(req.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/20250102\/us-west-2\/bedrock\/aws4_request, SignedHeaders=accept;content-type;host;x-amz-content-sha256;x-amz-date, Signature=[0-9a-f]{64}$/,
    );
    const signature = /Signature=([0-9a-f]{64})/.exec(req.headers.authorization!)![1];
    expect(signature).toBe(
      expectedSignature(req, {
        host: 'bedrock-runtime.us-west-2.amazonaws.com',
        canonicalUri: '/model/anthropic.claude-3-5-sonnet-20241022-v2%253A0/invoke',
        region: 'us-west-2',
        secret: SECRET,
      }),
    );
  });

  it('sends the Anthropic body without model and stream, with the Bedrock version', () => {
    const req = buildBedrockRequest(input({ passHeaders: { 'anthropic-beta': 'a-1, b-2' } }), date);
    expect(JSON.parse(req.body as string)).toEqual({
      anthropic_version: BEDROCK_ANTHROPIC_VERSION,
      anthropic_beta: ['a-1', 'b-2'],
      max_tokens: 64,
      messages: [{ role: 'user', content: 'hi' }],
    });
  });

  it('streams through invoke-with-response-stream and signs a session token', () => {
    const req = buildBedrockRequest(input({ stream: true, key: `${AKID}|${SECRET}|eu-central-1|SESSION/TOKEN+=` }), date);
    expect(req.path).toBe('/model/anthropic.claude-3-5-sonnet-20241022-v2%3A0/invoke-with-response-stream');
    expect(req.headers.accept).toBeUndefined();
    expect(req.headers['x-amzn-bedrock-accept']).toBe('application/json');
    expect(req.headers['x-amz-security-token']).toBe('SESSION/TOKEN+=');
    expect(req.headers.authorization).toContain('x-amz-security-token');
    expect(req.headers.authorization).toContain('/eu-central-1/bedrock/aws4_request');
    expect(JSON.parse(req.body as string).stream).toBeUndefined();
    expect(req.headers.authorization).toContain('SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;x-amz-security-token;x-amzn-bedrock-accept,');
    expect(/Signature=([0-9a-f]{64})/.exec(req.headers.authorization!)![1]).toBe(
      expectedSignature(req, {
        host: 'bedrock-runtime.eu-central-1.amazonaws.com',
        canonicalUri: '/model/anthropic.claude-3-5-sonnet-20241022-v2%253A0/invoke-with-response-stream',
        region: 'eu-central-1',
        secret: SECRET,
      }),
    );
  });

  it('uses the channel base URL (a mock, a VPC endpoint) and signs that host', () => {
    const req = buildBedrockRequest(
      input({ baseUrl: 'http://127.0.0.1:9555/prefix', basePath: '/prefix', host: '127.0.0.1:9555', upstreamModel: 'us.anthropic.claude-sonnet-4-20250514-v1:0', extraHeaders: { 'X-Custom': 'v', Host: 'evil' } }),
      date,
    );
    expect(req.origin).toBeUndefined();
    expect(req.path).toBe('/prefix/model/us.anthropic.claude-sonnet-4-20250514-v1%3A0/invoke');
    expect(req.headers['x-custom']).toBe('v');
    expect(req.headers.host).toBeUndefined();
    const signature = /Signature=([0-9a-f]{64})/.exec(req.headers.authorization!)![1];
    expect(signature).toBe(
      expectedSignature(req, {
        host: '127.0.0.1:9555',
        canonicalUri: '/prefix/model/us.anthropic.claude-sonnet-4-20250514-v1%253A0/invoke',
        region: 'us-west-2',
        secret: SECRET,
      }),
    );
  });

  it('keeps an inference profile ARN in one path segment', () => {
    const arn = 'arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123';
    const req = buildBedrockRequest(input({ upstreamModel: arn }), date);
    expect(req.path).toBe('/model/arn%3Aaws%3Abedrock%3Aus-east-1%3A123456789012%3Aapplication-inference-profile%2Fabc123/invoke');
  });

  it('declares the event stream and its decoder', async () => {
    const adapter = createBedrockAdapter({ now: () => date });
    expect(adapter.streamContentType?.test('application/vnd.amazon.eventstream')).toBe(true);
    expect(adapter.createFrameDecoder?.().push(new Uint8Array(0))).toEqual([]);
    const req = await adapter.build(input());
    expect(req.headers['x-amz-date']).toBe('20250102T030405Z');
  });
});

describe('Bedrock key', () => {
  it('parses three or four parts', () => {
    expect(parseBedrockKey(`${AKID}|${SECRET}|us-east-1`)).toEqual({ credentials: { accessKeyId: AKID, secretAccessKey: SECRET }, region: 'us-east-1' });
    expect(parseBedrockKey(`${AKID}|${SECRET}|us-gov-west-1|tok`).credentials.sessionToken).toBe('tok');
  });

  it('rejects malformed keys without repeating the secret', () => {
    for (const key of [`${AKID}|${SECRET}`, `${AKID}||us-east-1`, `${AKID}|${SECRET}|bedrock.evil.com/`, `${AKID}|${SECRET}|`]) {
      let message = '';
      try {
        parseBedrockKey(key);
      } catch (err) {
        message = (err as Error).message;
      }
      expect(message).toMatch(/Bedrock key/);
      expect(message).not.toContain(SECRET);
    }
  });
});

describe('Bedrock errors', () => {
  it('classifies by status and AWS error text', () => {
    const cases: Array<[number, string, string, boolean]> = [
      [403, '{"message":"The security token included in the request is invalid."}', 'auth', true],
      [403, '{"message":"The request signature we calculated does not match the signature you provided."}', 'auth', true],
      [400, '{"message":"The security token included in the request is expired"}', 'auth', true],
      [429, '{"message":"Too many requests, please wait before trying again."}', 'rate_limit', true],
      [429, '{"message":"Your account quota is exceeded"}', 'rate_limit', true],
      [400, '{"message":"messages: field required"}', 'bad_request', false],
      [400, '{"message":"The provided model identifier is invalid."}', 'not_found', true],
      [404, '{"message":"Could not resolve the foundation model"}', 'not_found', true],
      [424, '{"message":"Model returned an error"}', 'server', true],
      [500, '{"message":"Internal"}', 'server', true],
      [503, 'Service Unavailable', 'server', true],
    ];
    for (const [status, body, kind, retryable] of cases) {
      const failure = classifyBedrockError(status, body);
      expect({ status, body, kind: failure.kind, retryable: failure.retryable }).toEqual({ status, body, kind, retryable });
    }
    expect(classifyBedrockError(400, '{"message":"bad thing"}').message).toBe('bad thing');
    expect(classifyBedrockError(403, '{"__type":"com.amazon.coral.service#UnrecognizedClientException","Message":"x"}').kind).toBe('auth');
  });
});
