import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { IrStreamEvent } from '../../ir.js';
import { SseDecoder } from '../../sse.js';
import { anthropicCodec as codec } from './index.js';

/**
 * What we write is read by the official `@anthropic-ai/sdk` (a dev dependency of the
 * workspace): streams through `messages.stream().finalMessage()`, answers through
 * `messages.create()`, errors as `APIError`. The client talks to a fake `fetch` that
 * returns our bytes. Skipped when the SDK is not installed.
 */
type AnthropicCtor = typeof import('@anthropic-ai/sdk').default;
let Anthropic: AnthropicCtor | undefined;
try {
  Anthropic = (await import('@anthropic-ai/sdk')).default;
} catch {
  Anthropic = undefined;
}

const FIXTURES = new URL('./__fixtures__/', import.meta.url);
const PARAMS = { model: 'claude-alias', max_tokens: 1024, messages: [{ role: 'user' as const, content: 'hi' }] };

function client(status: number, body: string, contentType: string) {
  if (!Anthropic) throw new Error('SDK missing');
  return new Anthropic({
    apiKey: 'sk-test',
    baseURL: 'http://gateway.test',
    maxRetries: 0,
    fetch: async () => new Response(body, { status, headers: { 'content-type': contentType } }),
  });
}

function encode(events: IrStreamEvent[], model = 'claude-alias'): string {
  const encoder = codec.createStreamEncoder({ model });
  return events.map((e) => encoder.push(e)).join('') + encoder.end();
}

function decodeFixture(name: string): IrStreamEvent[] {
  const sse = new SseDecoder();
  const decoder = codec.createStreamDecoder();
  const raw = readFileSync(new URL(name, FIXTURES), 'utf8');
  const out = [...sse.push(raw), ...sse.end()].flatMap((e) => decoder.push({ event: e.event, data: e.data }));
  return [...out, ...decoder.end()];
}

describe.skipIf(!Anthropic)('official @anthropic-ai/sdk reads what the encoders write', () => {
  it('accumulates an OpenAI-ordered stream (usage after finish)', async () => {
    const sse = encode([
      { type: 'start', id: 'chatcmpl-1', model: 'gpt-4o', created: 1 },
      { type: 'reasoning-delta', index: 0, text: 'Two lookups.' },
      { type: 'text-delta', index: 1, text: 'Checking ' },
      { type: 'text-delta', index: 1, text: 'both.' },
      { type: 'tool-call-start', index: 2, id: 'call_a', name: 'get_weather' },
      { type: 'tool-call-delta', index: 2, arguments: '{"city":' },
      { type: 'tool-call-delta', index: 2, arguments: '"Paris"}' },
      { type: 'tool-call-start', index: 3, id: 'call_b', name: 'get_time' },
      { type: 'finish', stopReason: 'tool-calls' },
      { type: 'usage', usage: { input: 120, output: 40, cachedInput: 100 } },
    ]);
    const message = await client(200, sse, 'text/event-stream').messages.stream(PARAMS).finalMessage();
    expect(message).toMatchObject({
      id: 'chatcmpl-1',
      model: 'claude-alias',
      stop_reason: 'tool_use',
      usage: { input_tokens: 20, cache_read_input_tokens: 100, cache_creation_input_tokens: 0, output_tokens: 40 },
    });
    expect(message.content).toEqual([
      { type: 'thinking', thinking: 'Two lookups.', signature: '' },
      { type: 'text', text: 'Checking both.' },
      { type: 'tool_use', id: 'call_a', name: 'get_weather', input: { city: 'Paris' } },
      { type: 'tool_use', id: 'call_b', name: 'get_time', input: {} },
    ]);
  });

  it('accumulates the re-encoded reasoning fixture with its signature and cache usage', async () => {
    const sse = encode(decodeFixture('stream-reasoning.sse.txt'), 'claude-sonnet-4-5-20250929');
    const message = await client(200, sse, 'text/event-stream').messages.stream(PARAMS).finalMessage();
    const response = codec.encodeResponse(
      codec.decodeResponse(JSON.parse(readFileSync(new URL('response-reasoning.json', FIXTURES), 'utf8'))),
      { model: 'claude-sonnet-4-5-20250929' },
    ) as { content: Array<{ type: string; signature?: string }> };
    expect(message.content.map((b) => b.type)).toEqual(['thinking', 'text']);
    expect((message.content[0] as { signature: string }).signature).toBe(response.content[0]?.signature);
    expect(message.usage).toMatchObject({ input_tokens: 36, cache_read_input_tokens: 1800, cache_creation_input_tokens: 412, output_tokens: 298 });
  });

  it('surfaces an in-stream error as APIError with the Anthropic error type', async () => {
    const sse = encode(decodeFixture('stream-error.sse.txt'));
    const stream = client(200, sse, 'text/event-stream').messages.stream(PARAMS);
    await expect(stream.finalMessage()).rejects.toMatchObject({ type: 'overloaded_error' });
  });

  it('parses a non-streaming answer', async () => {
    const wire = JSON.parse(readFileSync(new URL('response-tools.json', FIXTURES), 'utf8')) as unknown;
    const body = JSON.stringify(codec.encodeResponse(codec.decodeResponse(wire), { model: 'claude-alias' }));
    const message = await client(200, body, 'application/json').messages.create(PARAMS);
    expect(message.stop_reason).toBe('tool_use');
    expect(message.content[1]).toEqual({
      type: 'tool_use',
      id: 'toolu_01A09q90qw90lq917835lq9',
      name: 'get_weather',
      input: { location: 'San Francisco, CA', unit: 'celsius' },
    });
  });

  it('maps an error body to the SDK error class for its status', async () => {
    if (!Anthropic) return;
    const body = JSON.stringify(codec.encodeError(429, 'Slow down'));
    const error: unknown = await client(429, body, 'application/json').messages.create(PARAMS).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Anthropic.RateLimitError);
    expect(error).toMatchObject({ status: 429, type: 'rate_limit_error' });
  });
});
