// Vertex AI: the service-account token flow against POST /token, bearer auth on the
// Vertex paths, Gemini in Vertex's flavour and Claude through rawPredict/streamRawPredict.
import { sign } from 'node:crypto';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startMockUpstream } from './mock-upstream.js';
import { createTestServiceAccount } from './service-account.js';
import { CLOUD_PLATFORM_SCOPE, GOOGLE_TOKEN_URL } from './google-oauth.js';
import { DEFAULT_TEXT } from './plan.js';
import { json, readSse } from './test-wire.js';
import type { MockUpstream, ServiceAccountJson, TestServiceAccount } from './types.js';

let account: TestServiceAccount;
let stranger: TestServiceAccount;
let mock: MockUpstream;
beforeAll(() => {
  account = createTestServiceAccount({ projectId: 'proj-1' });
  stranger = createTestServiceAccount();
});
beforeEach(async () => {
  mock = await startMockUpstream({ serviceAccountPublicKey: account.publicKey, serviceAccountEmail: account.json.client_email });
  account.json.token_uri = mock.tokenUrl;
});
afterEach(async () => {
  await mock.close();
});

/** What a gateway does with a key file: an RS256 JWT for the token endpoint. */
function assertion(sa: ServiceAccountJson, claims: Record<string, unknown> = {}): string {
  const now = Math.floor(Date.now() / 1000);
  const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const head = b64({ alg: 'RS256', typ: 'JWT', kid: sa.private_key_id });
  const body = b64({ iss: sa.client_email, scope: CLOUD_PLATFORM_SCOPE, aud: sa.token_uri, iat: now, exp: now + 3600, ...claims });
  const signature = sign('RSA-SHA256', Buffer.from(`${head}.${body}`), sa.private_key).toString('base64url');
  return `${head}.${body}.${signature}`;
}

const exchange = (jwt: string, grant = 'urn:ietf:params:oauth:grant-type:jwt-bearer') =>
  fetch(mock.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: grant, assertion: jwt }).toString(),
  });

async function accessToken(): Promise<string> {
  const res = await exchange(assertion(account.json));
  return ((await res.json()) as { access_token: string }).access_token;
}

const BASE = '/v1/projects/proj-1/locations/us-east5/publishers';
const vertex = (path: string, body: unknown, token?: string) =>
  fetch(`${mock.origin}${BASE}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });

const GEMINI_BODY = { contents: [{ role: 'user', parts: [{ text: 'Hi' }] }] };
const CLAUDE_BODY = { anthropic_version: 'vertex-2023-10-16', max_tokens: 256, messages: [{ role: 'user', content: 'Hi' }] };

describe('service account and POST /token', () => {
  it('createTestServiceAccount returns a usable key file', () => {
    expect(account.json).toMatchObject({
      type: 'service_account',
      project_id: 'proj-1',
      client_email: 'mock-sa@proj-1.iam.gserviceaccount.com',
      private_key_id: expect.stringMatching(/^[0-9a-f]{40}$/),
      private_key: expect.stringContaining('-----BEGIN PRIVATE KEY-----'),
    });
    expect(account.publicKey).toContain('-----BEGIN PUBLIC KEY-----');
    expect(mock.tokenUrl).toBe(`${mock.origin}/token`);
  });

  it('issues an access token for a valid JWT-bearer grant, then accepts it on Vertex paths', async () => {
    const res = await exchange(assertion(account.json));
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(body).toEqual({ access_token: expect.stringMatching(/^ya29\./), expires_in: 3600, token_type: 'Bearer' });
    expect((await vertex('/google/models/gemini-2.5-flash:generateContent', GEMINI_BODY, body.access_token)).status).toBe(200);
    expect((await vertex('/google/models/gemini-2.5-flash:generateContent', GEMINI_BODY, 'ya29.forged')).status).toBe(401);
  });

  it("accepts Google's own token URL as audience too", async () => {
    expect((await exchange(assertion(account.json, { aud: GOOGLE_TOKEN_URL }))).status).toBe(200);
  });

  it.each([
    ['a key the mock does not trust', () => assertion(stranger.json, { iss: account.json.client_email, aud: mock.tokenUrl }), 'invalid_grant', 'Invalid JWT Signature.'],
    ['another issuer', () => assertion(account.json, { iss: 'other@proj-1.iam.gserviceaccount.com' }), 'invalid_grant', 'Invalid grant: account not found'],
    ['a wrong audience', () => assertion(account.json, { aud: 'https://example.com/token' }), 'invalid_grant', expect.stringContaining('audience')],
    ['an expired assertion', () => assertion(account.json, { iat: 1_000_000, exp: 1_003_600 }), 'invalid_grant', expect.stringContaining('short-lived')],
    ['a lifetime over an hour', () => assertion(account.json, { exp: Math.floor(Date.now() / 1000) + 7200 }), 'invalid_grant', expect.stringContaining('short-lived')],
    ['no cloud-platform scope', () => assertion(account.json, { scope: 'https://www.googleapis.com/auth/userinfo.email' }), 'invalid_scope', expect.any(String)],
    ['a tampered payload', () => assertion(account.json).replace(/\.[^.]+\./, `.${Buffer.from('{"iss":"x"}').toString('base64url')}.`), 'invalid_grant', 'Invalid JWT Signature.'],
  ])('refuses %s', async (_name, make, error, description) => {
    const res = await exchange(make());
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error, error_description: description });
  });

  it('refuses other grant types', async () => {
    const res = await exchange(assertion(account.json), 'client_credentials');
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).error).toBe('unsupported_grant_type');
  });
});

describe('Vertex auth', () => {
  it('answers missing and unknown tokens with Google 401 UNAUTHENTICATED', async () => {
    mock.enqueue({ text: 'kept' });
    const missing = await vertex('/anthropic/models/claude-sonnet-4-5@20250929:rawPredict', CLAUDE_BODY);
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer/);
    const body = (await missing.json()) as any;
    expect(body.error).toMatchObject({ code: 401, status: 'UNAUTHENTICATED', message: expect.stringContaining('missing required authentication credential') });
    expect(body.error.details[0].reason).toBe('CREDENTIALS_MISSING');
    const ok = (await (await vertex('/anthropic/models/claude-sonnet-4-5@20250929:rawPredict', CLAUDE_BODY, await accessToken())).json()) as any;
    expect(ok.content[0].text).toBe('kept');
  });

  it('accepts configured vertexTokens, and anything when no Vertex auth is configured', async () => {
    await mock.close();
    mock = await startMockUpstream({ vertexTokens: ['ya29.static'] });
    expect((await vertex('/google/models/g:generateContent', GEMINI_BODY, 'ya29.static')).status).toBe(200);
    expect((await vertex('/google/models/g:generateContent', GEMINI_BODY, 'ya29.other')).status).toBe(401);
    await mock.close();
    mock = await startMockUpstream();
    expect((await vertex('/google/models/g:generateContent', GEMINI_BODY)).status).toBe(200);
  });
});

describe('Gemini on Vertex', () => {
  it('answers in Vertex flavour: model from the URL, createTime, trafficType, no candidate index', async () => {
    const token = await accessToken();
    const body = (await (await vertex('/google/models/gemini-2.5-pro:generateContent', GEMINI_BODY, token)).json()) as any;
    expect(body).toEqual({
      candidates: [{ content: { role: 'model', parts: [{ text: DEFAULT_TEXT }] }, finishReason: 'STOP' }],
      usageMetadata: expect.objectContaining({ promptTokenCount: 4, candidatesTokenCount: 5, totalTokenCount: 9, trafficType: 'ON_DEMAND' }),
      modelVersion: 'gemini-2.5-pro',
      createTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      responseId: expect.any(String),
    });
  });

  it('streams with alt=sse', async () => {
    const res = await vertex('/google/models/gemini-2.5-pro:streamGenerateContent?alt=sse', GEMINI_BODY, await accessToken());
    const { events, raw } = await readSse(res);
    expect(raw.includes('\r\n\r\n')).toBe(true);
    const chunks = events.map(json);
    expect(chunks.map((c) => c.candidates[0].content.parts[0].text).join('')).toBe(DEFAULT_TEXT);
    expect(chunks.at(-1).candidates[0].finishReason).toBe('STOP');
  });

  it('404s a publisher/method mismatch', async () => {
    const res = await vertex('/google/models/gemini-2.5-pro:rawPredict', GEMINI_BODY, await accessToken());
    expect(res.status).toBe(404);
    expect(((await res.json()) as any).error.status).toBe('NOT_FOUND');
  });
});

describe('Claude on Vertex', () => {
  const MODEL = '/anthropic/models/claude-sonnet-4-5@20250929';

  it('rawPredict answers an Anthropic Message with the URL model', async () => {
    const res = await vertex(`${MODEL}:rawPredict`, CLAUDE_BODY, await accessToken());
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(body).toMatchObject({ type: 'message', role: 'assistant', model: 'claude-sonnet-4-5@20250929', content: [{ type: 'text', text: DEFAULT_TEXT }], stop_reason: 'end_turn' });
    expect(body.usage).toEqual({ input_tokens: 4, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, output_tokens: 5 });
  });

  it('streamRawPredict streams Anthropic events', async () => {
    mock.enqueue({ toolCalls: [{ name: 'f', arguments: '{"a":1}' }] });
    const res = await vertex(`${MODEL}:streamRawPredict`, { ...CLAUDE_BODY, stream: true }, await accessToken());
    const { events } = await readSse(res);
    const names = events.map((e) => e.event);
    expect(names.slice(0, 3)).toEqual(['message_start', 'ping', 'content_block_start']);
    expect(names.slice(-2)).toEqual(['message_delta', 'message_stop']);
    expect(json(events[2]!).content_block).toMatchObject({ type: 'tool_use', name: 'f' });
  });

  it('requires anthropic_version in the body, refuses `model` there, and errs in Anthropic shape', async () => {
    const token = await accessToken();
    mock.enqueue({ text: 'kept' });
    const { anthropic_version: _, ...noVersion } = CLAUDE_BODY;
    const missing = await vertex(`${MODEL}:rawPredict`, noVersion, token);
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as any).error).toEqual({ type: 'invalid_request_error', message: 'anthropic_version: Field required' });
    const withModel = await vertex(`${MODEL}:rawPredict`, { ...CLAUDE_BODY, model: 'claude' }, token);
    expect(((await withModel.json()) as any).error.message).toBe('model: Extra inputs are not permitted');
    expect(((await (await vertex(`${MODEL}:rawPredict`, CLAUDE_BODY, token)).json()) as any).content[0].text).toBe('kept');
    mock.enqueue({ status: 529 });
    const overloaded = await vertex(`${MODEL}:rawPredict`, CLAUDE_BODY, token);
    expect(overloaded.status).toBe(529);
    expect(((await overloaded.json()) as any).error.type).toBe('overloaded_error');
  });
});
