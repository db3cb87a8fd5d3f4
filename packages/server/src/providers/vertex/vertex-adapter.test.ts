import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { BuildInput } from '../provider-adapter.js';
import { AccessTokenCache } from './access-token.js';
import { classifyVertexError, createVertexAdapters, isClaudeModel, VERTEX_ANTHROPIC_VERSION, vertexAdapterFor } from './vertex-adapter.js';

const privatePem = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const keyBody = privatePem.split('\n')[5]!;
const accountLine = JSON.stringify({
  type: 'service_account',
  project_id: 'my-project-123',
  private_key_id: 'kid-1',
  private_key: privatePem,
  client_email: 'relay@my-project-123.iam.gserviceaccount.com',
  token_uri: 'https://oauth2.googleapis.com/token',
});

function setup() {
  let exchanges = 0;
  const tokens = new AccessTokenCache({
    exchange: async () => {
      exchanges++;
      return { accessToken: 'ya29.test-token', expiresInSec: 3600 };
    },
  });
  return { adapters: createVertexAdapters({ tokens }), exchanges: () => exchanges };
}

function input(overrides: Partial<BuildInput> = {}): BuildInput {
  return {
    baseUrl: '',
    basePath: '',
    host: '',
    key: `us-east5|${accountLine}`,
    upstreamModel: 'claude-sonnet-4-5@20250929',
    stream: false,
    extraHeaders: {},
    passHeaders: {},
    body: { model: 'claude-sonnet-4-5', max_tokens: 32, messages: [{ role: 'user', content: 'hi' }] },
    ...overrides,
  };
}

describe('Vertex adapter: Claude models', () => {
  it('calls rawPredict on the regional host with the Anthropic body', async () => {
    const { adapters, exchanges } = setup();
    const req = await adapters.anthropic.build(input({ passHeaders: { 'anthropic-beta': 'context-1m-2025-08-07' } }));
    expect(req.origin).toBe('https://us-east5-aiplatform.googleapis.com');
    expect(req.path).toBe('/v1/projects/my-project-123/locations/us-east5/publishers/anthropic/models/claude-sonnet-4-5@20250929:rawPredict');
    expect(req.headers.authorization).toBe('Bearer ya29.test-token');
    expect(req.headers['content-type']).toBe('application/json');
    expect(req.headers['anthropic-beta']).toBe('context-1m-2025-08-07');
    expect(JSON.parse(req.body as string)).toEqual({
      anthropic_version: VERTEX_ANTHROPIC_VERSION,
      max_tokens: 32,
      messages: [{ role: 'user', content: 'hi' }],
      stream: false,
    });
    await adapters.anthropic.build(input());
    expect(exchanges()).toBe(1);
  });

  it('streams through streamRawPredict, on the global host with a project override', async () => {
    const { adapters } = setup();
    const req = await adapters.anthropic.build(input({ stream: true, key: `global|other-proj-1|${accountLine}` }));
    expect(req.origin).toBe('https://aiplatform.googleapis.com');
    expect(req.path).toBe('/v1/projects/other-proj-1/locations/global/publishers/anthropic/models/claude-sonnet-4-5@20250929:streamRawPredict');
    expect(req.headers.accept).toBe('text/event-stream');
    expect(JSON.parse(req.body as string).stream).toBe(true);
  });

  it('uses the channel base URL when set', async () => {
    const { adapters } = setup();
    const req = await adapters.anthropic.build(input({ baseUrl: 'http://127.0.0.1:9666', basePath: '', host: '127.0.0.1:9666' }));
    expect(req.origin).toBeUndefined();
    expect(req.path).toBe('/v1/projects/my-project-123/locations/us-east5/publishers/anthropic/models/claude-sonnet-4-5@20250929:rawPredict');
  });
});

describe('Vertex adapter: Gemini models', () => {
  const body = { model: 'gemini-2.5-pro', contents: [{ role: 'user', parts: [{ text: 'hi' }] }] };

  it('calls generateContent with the Gemini body', async () => {
    const { adapters } = setup();
    const req = await adapters.gemini.build(input({ upstreamModel: 'gemini-2.5-pro', body }));
    expect(req.origin).toBe('https://us-east5-aiplatform.googleapis.com');
    expect(req.path).toBe('/v1/projects/my-project-123/locations/us-east5/publishers/google/models/gemini-2.5-pro:generateContent');
    expect(req.headers.authorization).toBe('Bearer ya29.test-token');
    expect(JSON.parse(req.body as string)).toEqual({ contents: body.contents });
  });

  it('streams as SSE', async () => {
    const { adapters } = setup();
    const req = await adapters.gemini.build(input({ upstreamModel: 'gemini-2.5-flash', body, stream: true, passHeaders: { 'anthropic-beta': 'x' } }));
    expect(req.path).toBe('/v1/projects/my-project-123/locations/us-east5/publishers/google/models/gemini-2.5-flash:streamGenerateContent?alt=sse');
    expect(req.headers['anthropic-beta']).toBeUndefined();
    expect(JSON.parse(req.body as string).stream).toBeUndefined();
  });
});

describe('vertexAdapterFor', () => {
  it('picks the publisher by model', () => {
    expect(isClaudeModel('claude-3-5-haiku@20241022')).toBe(true);
    expect(isClaudeModel('gemini-2.5-pro')).toBe(false);
    expect(vertexAdapterFor('claude-opus-4-1@20250805').codec.protocol).toBe('anthropic');
    expect(vertexAdapterFor('gemini-2.5-pro').codec.protocol).toBe('gemini');
  });
});

describe('Vertex adapter: bad keys', () => {
  it('fails the build with a message that does not leak the key', async () => {
    const { adapters } = setup();
    const broken = `us-east5|${accountLine.slice(0, -10)}`;
    const err = (await Promise.resolve()
      .then(() => adapters.anthropic.build(input({ key: broken })))
      .catch((e: unknown) => e)) as Error;
    expect(err).toBeInstanceOf(Error);
    expect(err.message).toMatch(/service-account key is not valid JSON/);
    expect(err.message).not.toContain(keyBody);
  });
});

describe('classifyVertexError', () => {
  it('treats RESOURCE_EXHAUSTED as a rate limit, not an empty balance', () => {
    const body = JSON.stringify({ error: { code: 429, message: 'Quota exceeded for aiplatform.googleapis.com/generate_content_requests_per_minute', status: 'RESOURCE_EXHAUSTED' } });
    expect(classifyVertexError(429, body)).toMatchObject({ kind: 'rate_limit', retryable: true });
    expect(classifyVertexError(403, '{"error":{"code":403,"status":"PERMISSION_DENIED","message":"denied"}}')).toMatchObject({ kind: 'auth', message: 'denied' });
    expect(classifyVertexError(400, '{"type":"error","error":{"type":"invalid_request_error","message":"bad"}}')).toMatchObject({ kind: 'bad_request', retryable: false });
  });
});
