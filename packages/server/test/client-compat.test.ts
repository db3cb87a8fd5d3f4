import { DEFAULT_TEXT, startMockUpstream, type MockUpstream } from '@switchboard/testkit';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { answerText } from './client-answers.js';
import { functionToolNames, loadClientFixtures, replayRequest, type CallerProtocol, type ClientFixture } from './client-fixtures.js';
import { createChannel, createKey, startTestServer, stopAll, type TestServer } from './harness.js';

/**
 * Issue 16: what real clients send, replayed byte for byte (path, headers, body; only the
 * model and the key swapped) against every channel protocol the testkit mocks. Each reply
 * must be a 2xx that the caller's own protocol reads as a complete answer; where caller
 * and channel speak the same protocol, the upstream must get every field the client sent
 * as the client sent it, fields Switchboard does not know included.
 */

interface Target {
  type: string;
  baseUrl: (mock: MockUpstream) => string;
  upstreamModel: string;
  /** The protocol the mock is spoken to in, for the callers that reach it. */
  speaks: CallerProtocol;
  /** Where the upstream request goes (before any query string). */
  upstreamPath: (stream: boolean) => string;
}

const TARGETS: Record<string, Target> = {
  // An OpenAI-compatible vendor: Chat Completions for every caller, Responses callers included.
  'openai-chat': {
    type: 'openai-compatible',
    baseUrl: (m) => m.url,
    upstreamModel: 'gpt-4o-mini',
    speaks: 'openai-chat',
    upstreamPath: () => '/v1/chat/completions',
  },
  // OpenAI's own API: a Responses caller is passed through to /v1/responses. Every other
  // caller is sent to Chat Completions there, which the `openai-chat` target already covers.
  'openai-responses': {
    type: 'openai',
    baseUrl: (m) => m.url,
    upstreamModel: 'gpt-4o-mini',
    speaks: 'openai-responses',
    upstreamPath: () => '/v1/responses',
  },
  anthropic: {
    type: 'anthropic',
    baseUrl: (m) => m.url,
    upstreamModel: 'claude-sonnet-4-5',
    speaks: 'anthropic',
    upstreamPath: () => '/v1/messages',
  },
  gemini: {
    type: 'gemini',
    baseUrl: (m) => `${m.origin}/v1beta`,
    upstreamModel: 'gemini-2.5-flash',
    speaks: 'gemini',
    upstreamPath: (stream) => `/v1beta/models/gemini-2.5-flash:${stream ? 'streamGenerateContent' : 'generateContent'}`,
  },
};

/** Body fields a same-protocol relay changes on purpose (README, "Relay"), besides the model. */
const CHANGED_ON_PURPOSE: Partial<Record<CallerProtocol, string[]>> = {
  // Every stream is metered: include_usage is always asked for.
  'openai-chat': ['stream_options'],
};

const fixtures = loadClientFixtures();

let server: TestServer;
let mock: MockUpstream;
let key: string;

beforeAll(async () => {
  server = await startTestServer();
  const root = await server.rootToken();
  key = await createKey(server, root);
  mock = await startMockUpstream({ apiKeys: ['sk-upstream'] });
  for (const [name, target] of Object.entries(TARGETS)) {
    await createChannel(server, root, {
      name,
      type: target.type,
      base_url: target.baseUrl(mock),
      keys: 'sk-upstream',
      models: [`via-${name}`],
      mapping: `via-${name}>${target.upstreamModel}`,
    });
  }
});

afterEach(() => mock.reset());
afterAll(async () => {
  await stopAll();
  await mock.close();
});

function targetsOf(fixture: ClientFixture): string[] {
  return Object.keys(TARGETS).filter((name) => name !== 'openai-responses' || fixture.protocol === 'openai-responses');
}

describe.each(fixtures.map((fixture) => [fixture.name, fixture] as const))('%s', (name, fixture) => {
  describe.each(targetsOf(fixture))('to a %s channel', (targetName) => {
    const target = TARGETS[targetName]!;
    it(`answers in ${fixture.protocol}${fixture.stream ? ' (stream)' : ''}`, async () => {
      const request = replayRequest(fixture, `via-${targetName}`, key);
      const res = await fetch(server.base + request.path, { method: 'POST', headers: request.headers, body: request.body });
      const raw = await res.text();
      expect(res.status, raw.slice(0, 500)).toBeGreaterThanOrEqual(200);
      expect(res.status, raw.slice(0, 500)).toBeLessThan(300);
      expect(answerText(fixture.protocol, fixture.stream, res.headers.get('content-type') ?? '', raw)).toBe(DEFAULT_TEXT);

      const sent = mock.requests.at(-1)!;
      expect(sent.path.split('?')[0]).toBe(target.upstreamPath(fixture.stream));
      // The client's own tools reach every upstream, whatever its protocol.
      for (const tool of functionToolNames(fixture)) expect(JSON.stringify(sent.body), `tool ${tool}`).toContain(`"${tool}"`);
      if (target.speaks !== fixture.protocol) return;
      // Same protocol: passed through, so nothing the client sent may be lost or rewritten.
      const upstreamBody = sent.body as Record<string, unknown>;
      if (fixture.protocol !== 'gemini') expect(upstreamBody.model).toBe(target.upstreamModel);
      for (const [field, value] of Object.entries(fixture.request.body)) {
        if (field === 'model' || CHANGED_ON_PURPOSE[fixture.protocol]?.includes(field)) continue;
        expect(upstreamBody[field], `upstream body field ${field}`).toEqual(value);
      }
      const beta = fixture.request.headers['anthropic-beta'];
      if (beta !== undefined) expect(sent.headers['anthropic-beta']).toBe(beta);
    });
  });
});
