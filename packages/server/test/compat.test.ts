import Anthropic from '@anthropic-ai/sdk';
import { startMockUpstream, type CapturedRequest, type MockUpstream } from '@switchboard/testkit';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createChannel, createKey, startTestServer, stopAll, type TestServer } from './harness.js';

/**
 * Issue 16: a relay must not refuse what clients adopt on release day. Same protocol in and
 * out, the body passes untouched (unknown roles, fields and beta headers included); a
 * conversion maps what has a meaning and names what it dropped in `x-switchboard-dropped`.
 * The request shapes are written by hand from what Claude Code (default model) and Codex send.
 */
let server: TestServer;
let mock: MockUpstream;
let key: string;
let anthropic: Anthropic;

const BETA = 'claude-code-20250219,interleaved-thinking-2025-05-14,mid-conversation-system-2026-04-07';

/** Claude Code's default-model request: mid-conversation system message, adaptive thinking, effort. */
function claudeCodeBody(model: string): Record<string, unknown> {
  return {
    model,
    max_tokens: 32000,
    system: [
      { type: 'text', text: "You are Claude Code, Anthropic's official CLI for Claude." },
      { type: 'text', text: 'Work in /repo.', cache_control: { type: 'ephemeral' } },
    ],
    messages: [
      { role: 'user', content: [{ type: 'text', text: 'List the files.' }] },
      { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_01', name: 'Bash', input: { command: 'ls' } }] },
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_01', content: 'a.ts\nb.ts' }] },
      { role: 'system', content: 'Plan mode is on: do not edit files.' },
      { role: 'user', content: [{ type: 'text', text: 'Now summarise them.', cache_control: { type: 'ephemeral' } }] },
    ],
    tools: [
      {
        name: 'Bash',
        description: 'Runs a shell command.',
        input_schema: { type: 'object', properties: { command: { type: 'string' } }, required: ['command'] },
      },
    ],
    thinking: { type: 'adaptive' },
    output_config: { effort: 'high' },
    metadata: { user_id: 'user_0123_account_4567_session_89ab' },
    context_management: { edits: [{ type: 'clear_thinking_20251015', keep: 'all' }] },
  };
}

/** The SDK's types do not know the new role and fields yet; the wire is what matters here. */
const asParams = (body: Record<string, unknown>) => ({ ...body, stream: true }) as unknown as Anthropic.MessageCreateParamsStreaming;

/** Streams the request through the official SDK, as Claude Code does; the events and the response head. */
async function sdkStream(body: Record<string, unknown>) {
  const { data, response } = await anthropic.messages.create(asParams(body), { headers: { 'anthropic-beta': BETA } }).withResponse();
  const types: string[] = [];
  for await (const event of data) types.push(event.type);
  return { types, response };
}

beforeAll(async () => {
  server = await startTestServer();
  const root = await server.rootToken();
  key = await createKey(server, root);
  mock = await startMockUpstream({ apiKeys: ['sk-upstream-key'] });
  const common = { base_url: mock.url, keys: 'sk-upstream-key' };
  await createChannel(server, root, { ...common, name: 'claude', type: 'anthropic', models: ['claude-opus-4-8', 'codex-via-claude'], mapping: 'codex-via-claude>claude-sonnet-4-5' });
  await createChannel(server, root, { ...common, name: 'openai', type: 'openai', models: ['opus-via-openai'], mapping: 'opus-via-openai>gpt-5' });
  await createChannel(server, root, {
    ...common,
    base_url: `${mock.origin}/v1beta`,
    name: 'gemini',
    type: 'gemini',
    models: ['opus-via-gemini'],
    mapping: 'opus-via-gemini>gemini-2.5-pro',
  });
  // One model on two channels: a converting OpenAI channel first, an Anthropic one behind it.
  await createChannel(server, root, { ...common, name: 'first-openai', type: 'openai', models: ['failover-opus'], mapping: 'failover-opus>gpt-5', priority: 10 });
  await createChannel(server, root, { ...common, name: 'then-claude', type: 'anthropic', models: ['failover-opus'], priority: 0 });
  anthropic = new Anthropic({ apiKey: key, baseURL: server.url, maxRetries: 0 });
});
afterEach(() => mock.reset());
afterAll(async () => {
  await stopAll();
  await mock.close();
});

function upstreamRequest(): CapturedRequest {
  const chat = mock.requests.filter((r) => r.method === 'POST');
  expect(chat).toHaveLength(1);
  return chat[0]!;
}

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('same protocol: the body passes untouched', () => {
  it('relays Claude Code’s default-model request to an anthropic channel as sent, beta header included', async () => {
    const body = claudeCodeBody('claude-opus-4-8');
    const { types, response } = await sdkStream(body);
    expect(types.at(-1)).toBe('message_stop');
    expect(response.headers.get('x-switchboard-dropped')).toBeNull();
    const upstream = upstreamRequest();
    expect(upstream.path).toBe('/v1/messages');
    expect(upstream.body).toEqual({ ...body, stream: true });
    expect(upstream.headers['anthropic-beta']).toBe(BETA);
  });

  it('relays a Responses request with unknown items and tools to OpenAI untouched', async () => {
    const root = await server.rootToken();
    await createChannel(server, root, { name: 'oai-responses', type: 'openai', base_url: mock.url, keys: 'sk-upstream-key', models: ['gpt-5-codex'] });
    const body = {
      model: 'gpt-5-codex',
      input: [
        { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'hi' }] },
        { type: 'web_search_call', id: 'ws_1', status: 'completed', action: { type: 'search', query: 'q' } },
        { type: 'message', role: 'critic', content: 'a role from the future' },
      ],
      tools: [{ type: 'web_search' }, { type: 'namespace', name: 'mcp__docs', tools: [] }],
      brand_new_field: { on: true },
    };
    const res = await post('/v1/responses', body, { authorization: `Bearer ${key}` });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(res.headers.get('x-switchboard-dropped')).toBeNull();
    const upstream = upstreamRequest();
    expect(upstream.path).toBe('/v1/responses');
    // Only the stream flag the adapter always states is added.
    expect(upstream.body).toEqual({ ...body, stream: false });
  });
});

describe('converted: mapped where it has a meaning, dropped out loud where not', () => {
  it('puts Claude Code’s mid-conversation system message in place for an OpenAI channel and maps the effort', async () => {
    const { types, response } = await sdkStream(claudeCodeBody('opus-via-openai'));
    expect(types.at(-1)).toBe('message_stop');
    const upstream = upstreamRequest();
    expect(upstream.path).toBe('/v1/chat/completions');
    const sent = upstream.body as { messages: Array<{ role: string; content: unknown }>; reasoning_effort?: string; user?: string };
    expect(sent.messages.map((m) => m.role)).toEqual(['system', 'system', 'user', 'assistant', 'tool', 'system', 'user']);
    expect(sent.messages[5]).toEqual({ role: 'system', content: 'Plan mode is on: do not edit files.' });
    expect(sent.reasoning_effort).toBe('high');
    expect(sent.user).toBe('user_0123_account_4567_session_89ab');
    expect(upstream.headers['anthropic-beta']).toBeUndefined();
    // Context management has no OpenAI meaning: dropped, and said so.
    expect(response.headers.get('x-switchboard-dropped')).toBe('field.context_management');
  });

  it('merges it into systemInstruction for a Gemini channel and maps the effort to a thinking budget (streaming)', async () => {
    const res = await post('/v1/messages', { ...claudeCodeBody('opus-via-gemini'), stream: true }, { 'x-api-key': key, 'anthropic-version': '2023-06-01', 'anthropic-beta': BETA });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    expect(res.headers.get('x-switchboard-dropped')).toBe('field.context_management');
    expect(await res.text()).toContain('event: message_stop');
    const sent = upstreamRequest().body as {
      systemInstruction: { parts: Array<{ text: string }> };
      contents: Array<{ role: string }>;
      generationConfig: { thinkingConfig?: { thinkingBudget?: number; includeThoughts?: boolean } };
    };
    expect(sent.systemInstruction.parts.map((p) => p.text)).toEqual([
      "You are Claude Code, Anthropic's official CLI for Claude.",
      'Work in /repo.',
      'Plan mode is on: do not edit files.',
    ]);
    expect(sent.contents.map((c) => c.role)).toEqual(['user', 'model', 'user']);
    expect(sent.generationConfig.thinkingConfig).toEqual({ thinkingBudget: 24576, includeThoughts: true });
  });

  it('serves a Codex request from an Anthropic channel and names the tools it could not take', async () => {
    const body = {
      model: 'codex-via-claude',
      instructions: 'You are Codex.',
      input: [
        { type: 'message', role: 'developer', content: [{ type: 'input_text', text: 'Sandbox: workspace-write.' }] },
        { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Fix the bug.' }] },
      ],
      tools: [
        { type: 'function', name: 'shell', description: 'Runs a command.', parameters: { type: 'object', properties: { command: { type: 'array', items: { type: 'string' } } } }, strict: false },
        { type: 'web_search' },
        { type: 'namespace', name: 'mcp__docs', description: 'Docs server', tools: [{ type: 'function', name: 'search', parameters: { type: 'object' } }] },
      ],
      tool_choice: 'auto',
      parallel_tool_calls: false,
      reasoning: { effort: 'medium', summary: 'auto' },
      store: false,
      stream: true,
      include: ['reasoning.encrypted_content'],
      prompt_cache_key: 'session-1',
    };
    const res = await post('/v1/responses', body, { authorization: `Bearer ${key}` });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-switchboard-dropped')).toBe('tools.web_search,tools.namespace');
    // Browser apps on other sites can read it too.
    expect(res.headers.get('access-control-expose-headers')).toContain('x-switchboard-dropped');
    expect(await res.text()).toContain('response.completed');
    const upstream = upstreamRequest();
    expect(upstream.path).toBe('/v1/messages');
    const sent = upstream.body as { tools: Array<{ name: string }>; system: Array<{ text: string }> };
    expect(sent.tools.map((t) => t.name)).toEqual(['shell']);
    expect(sent.system.map((b) => b.text)).toEqual(['You are Codex.', 'Sandbox: workspace-write.']);
  });
});

describe('the header describes the attempt that answered', () => {
  it('is gone when a converting attempt fails over to a same-protocol channel', async () => {
    mock.enqueue({ status: 500, errorMessage: 'busy' });
    const { types, response } = await sdkStream(claudeCodeBody('failover-opus'));
    expect(types.at(-1)).toBe('message_stop');
    expect(mock.requests.filter((r) => r.method === 'POST').map((r) => r.path)).toEqual(['/v1/chat/completions', '/v1/messages']);
    expect(response.headers.get('x-switchboard-dropped')).toBeNull();
  });
});

describe('garbage still gets a clean 4xx in the caller’s shape', () => {
  it('Anthropic', async () => {
    const headers = { 'x-api-key': key, 'anthropic-version': '2023-06-01' };
    for (const body of [[1, 2], { model: 7, max_tokens: 5, messages: [] }, { model: 'claude-opus-4-8', max_tokens: 5, messages: 'hi' }]) {
      const res = await post('/v1/messages', body, headers);
      expect(res.status, JSON.stringify(body)).toBe(400);
      const json = (await res.json()) as { type: string; error: { type: string; message: string } };
      expect(json.type).toBe('error');
      expect(json.error.type).toBe('invalid_request_error');
    }
    const res = await post('/v1/messages', { model: 'claude-opus-4-8', max_tokens: 5, messages: 'hi' }, headers);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/^messages: /);
    expect(mock.requests).toHaveLength(0);
  });

  it('OpenAI Responses and Chat', async () => {
    const headers = { authorization: `Bearer ${key}` };
    const responses = await post('/v1/responses', { model: 'gpt-5-codex', input: 42 }, headers);
    expect(responses.status).toBe(400);
    expect(((await responses.json()) as { error: { message: string; type: string } }).error).toMatchObject({ type: 'invalid_request_error', message: expect.stringMatching(/^input: /) });
    const chat = await post('/v1/chat/completions', { model: 'opus-via-openai', messages: 'hi' }, headers);
    expect(chat.status).toBe(400);
    expect(((await chat.json()) as { error: { message: string } }).error.message).toMatch(/^messages: /);
    expect(mock.requests).toHaveLength(0);
  });

  it('Gemini', async () => {
    const res = await post(`/v1beta/models/opus-via-gemini:generateContent?key=${key}`, { contents: 'hi' });
    expect(res.status).toBe(400);
    const json = (await res.json()) as { error: { code: number; status: string; message: string } };
    expect(json.error).toMatchObject({ code: 400, status: 'INVALID_ARGUMENT', message: expect.stringMatching(/^contents: /) });
    expect(mock.requests).toHaveLength(0);
  });

  it('a body malformed past its envelope is refused for a conversion with a 400 that names the field', async () => {
    const body = { ...claudeCodeBody('opus-via-openai'), messages: [{ role: 'user', content: [{ type: 'text', text: 7 }] }] };
    const res = await post('/v1/messages', body, { 'x-api-key': key, 'anthropic-version': '2023-06-01' });
    expect(res.status).toBe(400);
    const json = (await res.json()) as { type: string; error: { message: string } };
    expect(json.type).toBe('error');
    expect(json.error.message).toContain('messages.0.content.0.text');
    expect(mock.requests).toHaveLength(0);
  });
});
