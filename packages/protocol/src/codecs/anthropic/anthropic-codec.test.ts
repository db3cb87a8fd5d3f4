import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { IrInputError, type IrRequest, type IrStreamEvent } from '../../ir.js';
import { DroppedFeatures } from '../../dropped.js';
import { SseDecoder } from '../../sse.js';
import { anthropicCodec as codec, DEFAULT_MAX_TOKENS, EFFORT_BUDGETS, PLACEHOLDER_USER_TEXT } from './index.js';

/**
 * Golden files live in __fixtures__/. `UPDATE_GOLDEN=1 npx vitest run …` rewrites the
 * expected files (`*.ir.json`, `*.encoded.json`, `*.encoded.sse.txt`); without it every
 * test compares against them. Read a rewritten golden before committing it.
 */
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const FIXTURES = new URL('./__fixtures__/', import.meta.url);
/** Decoders stamp `created` with the clock; tests pin it. */
const NOW = new Date('2025-06-01T16:42:00Z');

const fixture = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8');
const fixtureJson = (name: string): unknown => JSON.parse(fixture(name));

function assertNoUndefined(value: unknown, path = '$'): void {
  if (value === undefined) throw new Error(`${path} is undefined (absent fields must be left out)`);
  if (Array.isArray(value)) value.forEach((v, i) => assertNoUndefined(v, `${path}[${i}]`));
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) assertNoUndefined(v, `${path}.${k}`);
  }
}

function goldenJson(name: string, actual: unknown): void {
  assertNoUndefined(actual);
  const text = `${JSON.stringify(actual, null, 2)}\n`;
  if (UPDATE) writeFileSync(new URL(name, FIXTURES), text);
  else expect(actual).toEqual(fixtureJson(name));
}

function goldenText(name: string, actual: string): void {
  if (UPDATE) writeFileSync(new URL(name, FIXTURES), actual);
  else expect(actual).toBe(fixture(name));
}

/** Feeds raw SSE bytes (in the given chunks) through SseDecoder and the Anthropic decoder. */
function decodeStream(chunks: Array<Uint8Array | string>): IrStreamEvent[] {
  const sse = new SseDecoder();
  const decoder = codec.createStreamDecoder();
  const out: IrStreamEvent[] = [];
  for (const chunk of chunks) {
    for (const e of sse.push(chunk)) out.push(...decoder.push({ event: e.event, data: e.data }));
  }
  for (const e of sse.end()) out.push(...decoder.push({ event: e.event, data: e.data }));
  out.push(...decoder.end());
  return out;
}

function encodeStream(events: IrStreamEvent[], model: string): string {
  const encoder = codec.createStreamEncoder({ model });
  let out = '';
  for (const e of events) out += encoder.push(e);
  out += encoder.end();
  expect(encoder.end()).toBe('');
  return out;
}

interface Frame {
  event: string | undefined;
  data: Record<string, unknown>;
}

function frames(sseText: string): Frame[] {
  const sse = new SseDecoder();
  return [...sse.push(sseText), ...sse.end()].map((e) => ({ event: e.event, data: JSON.parse(e.data) as Record<string, unknown> }));
}

/**
 * Accumulates frames the way @anthropic-ai/sdk's MessageStream does (message_start
 * snapshot, blocks addressed by index, JSON fragments joined, signature replaced,
 * message_delta copies stop reason and usage) and checks the ordering rules on the way.
 */
function accumulate(sseText: string): Record<string, unknown> & { content: Array<Record<string, unknown>> } {
  const list = frames(sseText);
  let snapshot: (Record<string, unknown> & { content: Array<Record<string, unknown>> }) | undefined;
  let openIndex: number | undefined;
  const json = new Map<number, string>();
  list.forEach((frame, i) => {
    expect(frame.event).toBe(frame.data.type);
    const type = frame.data.type;
    if (i === 0) expect(type).toBe('message_start');
    if (type === 'message_start') {
      expect(snapshot).toBeUndefined();
      snapshot = structuredClone(frame.data.message) as typeof snapshot;
      return;
    }
    if (!snapshot) throw new Error(`${String(type)} before message_start`);
    const index = frame.data.index as number;
    switch (type) {
      case 'content_block_start':
        expect(openIndex).toBeUndefined();
        expect(index).toBe(snapshot.content.length);
        snapshot.content.push(structuredClone(frame.data.content_block) as Record<string, unknown>);
        openIndex = index;
        break;
      case 'content_block_delta': {
        expect(index).toBe(openIndex);
        const block = snapshot.content[index]!;
        const delta = frame.data.delta as Record<string, string>;
        if (delta.type === 'text_delta') block.text = `${block.text as string}${delta.text}`;
        else if (delta.type === 'thinking_delta') block.thinking = `${block.thinking as string}${delta.thinking}`;
        else if (delta.type === 'signature_delta') block.signature = delta.signature;
        else if (delta.type === 'input_json_delta') {
          // (the SDK parses the partial JSON after each fragment; the whole is parsed at stop)
          json.set(index, (json.get(index) ?? '') + delta.partial_json);
        }
        break;
      }
      case 'content_block_stop': {
        expect(index).toBe(openIndex);
        openIndex = undefined;
        const buffered = json.get(index);
        if (buffered !== undefined) snapshot.content[index]!.input = JSON.parse(buffered) as unknown;
        break;
      }
      case 'ping':
        break;
      case 'message_delta': {
        expect(openIndex).toBeUndefined();
        const delta = frame.data.delta as Record<string, unknown>;
        snapshot.stop_reason = delta.stop_reason;
        snapshot.stop_sequence = delta.stop_sequence;
        snapshot.usage = { ...(snapshot.usage as object), ...(frame.data.usage as object) };
        break;
      }
      case 'message_stop':
        expect(i).toBe(list.length - 1);
        expect(list[i - 1]?.data.type).toBe('message_delta');
        break;
      default:
        throw new Error(`unexpected frame ${String(type)}`);
    }
  });
  if (!snapshot) throw new Error('no message_start');
  return snapshot;
}

beforeAll(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterAll(() => {
  vi.useRealTimers();
});

// ───────────────────────────── golden files ─────────────────────────────

describe('golden requests', () => {
  for (const name of ['request-basic', 'request-vision', 'request-tools', 'request-reasoning']) {
    it(name, () => {
      const ir = codec.decodeRequest(fixtureJson(`${name}.json`));
      goldenJson(`${name}.ir.json`, ir);
      goldenJson(`${name}.encoded.json`, codec.encodeRequest(ir));
      // The encoded body is itself a valid Anthropic request that decodes to the same IR.
      expect(codec.decodeRequest(codec.encodeRequest(ir))).toEqual(ir);
    });
  }
});

describe('golden responses', () => {
  for (const name of ['response-text', 'response-tools', 'response-reasoning']) {
    it(name, () => {
      const wire = fixtureJson(`${name}.json`) as { model: string };
      const ir = codec.decodeResponse(wire);
      goldenJson(`${name}.ir.json`, ir);
      goldenJson(`${name}.encoded.json`, codec.encodeResponse(ir, { model: wire.model }));
    });
  }
});

describe('golden streams', () => {
  for (const name of ['stream-text', 'stream-tools', 'stream-reasoning', 'stream-error']) {
    it(name, () => {
      const raw = fixture(`${name}.sse.txt`);
      const ir = decodeStream([raw]);
      goldenJson(`${name}.ir.json`, ir);
      const model = (frames(raw)[0]?.data.message as { model: string }).model;
      const encoded = encodeStream(ir, model);
      goldenText(`${name}.encoded.sse.txt`, encoded);
      // Re-encoding is stable: decoding what we wrote gives the same IR.
      expect(decodeStream([encoded])).toEqual(ir);
    });
  }

  it('decodes identically when the bytes are split at every offset', () => {
    for (const name of ['stream-tools', 'stream-reasoning']) {
      const bytes = new TextEncoder().encode(fixture(`${name}.sse.txt`));
      const whole = decodeStream([bytes]);
      for (let i = 1; i < bytes.length; i++) {
        expect(decodeStream([bytes.subarray(0, i), bytes.subarray(i)])).toEqual(whole);
      }
    }
  });

  it('re-encoded streams accumulate (SDK-style) to the same message as the originals', () => {
    for (const name of ['stream-text', 'stream-tools', 'stream-reasoning']) {
      const raw = fixture(`${name}.sse.txt`);
      const original = accumulate(raw);
      const model = original.model as string;
      const reencoded = accumulate(encodeStream(decodeStream([raw]), model));
      expect(reencoded.content).toEqual(original.content);
      expect(reencoded.stop_reason).toBe(original.stop_reason);
      const usage = reencoded.usage as Record<string, number>;
      const want = original.usage as Record<string, number>;
      for (const key of ['input_tokens', 'output_tokens', 'cache_read_input_tokens', 'cache_creation_input_tokens']) {
        expect(usage[key], key).toBe(want[key]);
      }
    }
  });
});

// ───────────────────────────── request decoding ─────────────────────────────

describe('decodeRequest', () => {
  const base = { model: 'claude-sonnet-4-5', max_tokens: 100 };
  const fail = (body: unknown): string => {
    try {
      codec.decodeRequest(body);
    } catch (e) {
      expect(e).toBeInstanceOf(IrInputError);
      return (e as Error).message;
    }
    throw new Error('expected IrInputError');
  };

  it('names the failing fields', () => {
    expect(fail({ model: 'm', messages: [{ role: 'user', content: 'hi' }] })).toBe('max_tokens: Required (expected number)');
    expect(fail({ ...base, messages: [{ role: 7, content: 'hi' }] })).toMatch(/^messages\.0\.role: Invalid input/);
    expect(fail({ ...base, messages: [{ role: 'user', content: [{ type: 'text', text: 'a' }, { type: 'text' }] }] })).toBe(
      'messages.0.content.1.text: Required (expected string)',
    );
    expect(fail({ ...base, messages: [{ role: 'user', content: 7 }] })).toBe(
      'messages.0.content: Invalid input: expected string or array, received number',
    );
    expect(
      fail({ ...base, messages: [{ role: 'user', content: [{ type: 'image', source: { type: 'base64', data: 'x' } }] }] }),
    ).toBe('messages.0.content.0.source.media_type: Required (expected string)');
    expect(fail({ ...base, messages: [] })).toBe('messages: must contain at least one message');
    expect(fail({ max_tokens: 5, messages: [{ role: 'user', content: 'x' }] })).toBe('model: Required (expected string)');
    expect(fail({ ...base, messages: [{ role: 'user', content: 'x' }], tool_choice: { type: 'tool' } })).toBe(
      'tool_choice.name: Required when type is "tool"',
    );
    expect(fail({ ...base, messages: [{ role: 'user', content: 'x' }], thinking: { type: 'enabled' } })).toBe(
      'thinking.budget_tokens: Required when type is "enabled"',
    );
    expect(fail('nope')).toMatch(/^body: Invalid input: expected object/);
    expect(
      fail({ ...base, messages: [{ role: 'assistant', content: [{ type: 'tool_result', tool_use_id: 't', content: 'x' }] }] }),
    ).toBe('messages.0.content.0.type: "tool_result" blocks are only allowed in user messages');
  });

  it('takes the model and stream flag from the context when the body has none', () => {
    const ir = codec.decodeRequest({ max_tokens: 5, messages: [{ role: 'user', content: 'x' }] }, { model: 'm', stream: true });
    expect(ir.model).toBe('m');
    expect(ir.stream).toBe(true);
  });

  it('splits tool results from other user blocks, in order', () => {
    const ir = codec.decodeRequest({
      ...base,
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'before' },
            { type: 'tool_result', tool_use_id: 'a', content: 'A', is_error: true },
            { type: 'tool_result', tool_use_id: 'b', content: 'B', cache_control: { type: 'ephemeral', ttl: '1h' } },
            { type: 'text', text: 'after' },
          ],
        },
      ],
    });
    expect(ir.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'before' }] },
      { role: 'tool', toolCallId: 'a', content: [{ type: 'text', text: 'A' }], isError: true },
      { role: 'tool', toolCallId: 'b', content: [{ type: 'text', text: 'B', cacheControl: { type: 'ephemeral', ttl: '1h' } }] },
      { role: 'user', content: [{ type: 'text', text: 'after' }] },
    ]);
  });

  it('decodes documents, redacted thinking, server tools, adaptive thinking and unknown blocks', () => {
    const ir = codec.decodeRequest({
      ...base,
      messages: [
        {
          role: 'user',
          content: [
            { type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: 'JVBERi0x' }, title: 'report.pdf' },
            { type: 'document', source: { type: 'url', url: 'https://example.com/a.pdf' }, cache_control: { type: 'ephemeral' } },
            { type: 'document', source: { type: 'text', media_type: 'text/plain', data: 'héllo' } },
            { type: 'document', source: { type: 'file', file_id: 'file_011' } },
            { type: 'search_result', source: 'https://x', title: 't', content: [] },
          ],
        },
        {
          role: 'assistant',
          content: [
            { type: 'redacted_thinking', data: 'EmwKAhgB' },
            { type: 'server_tool_use', id: 'srvtoolu_1', name: 'web_search', input: { query: 'q' } },
            { type: 'web_search_tool_result', tool_use_id: 'srvtoolu_1', content: [] },
            { type: 'text', text: 'Found it.' },
          ],
        },
      ],
      tools: [
        { type: 'web_search_20250305', name: 'web_search', max_uses: 3 },
        { type: 'custom', name: 'lookup', input_schema: { type: 'object' }, strict: true },
      ],
      tool_choice: { type: 'any', disable_parallel_tool_use: true },
      thinking: { type: 'adaptive' },
      container: 'container_1',
    });
    expect(ir.messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'file', source: { kind: 'base64', mediaType: 'application/pdf', data: 'JVBERi0x' }, filename: 'report.pdf' },
          { type: 'file', source: { kind: 'url', url: 'https://example.com/a.pdf' }, cacheControl: { type: 'ephemeral' } },
          { type: 'file', source: { kind: 'base64', mediaType: 'text/plain', data: Buffer.from('héllo').toString('base64') } },
          { type: 'file', source: { kind: 'file-id', fileId: 'file_011' } },
        ],
      },
      {
        role: 'assistant',
        content: [
          { type: 'reasoning', text: '', redacted: 'EmwKAhgB' },
          { type: 'text', text: 'Found it.' },
        ],
      },
    ]);
    expect(ir.tools).toEqual([{ name: 'lookup', parameters: { type: 'object' }, strict: true }]);
    expect(ir.toolChoice).toEqual({ type: 'required' });
    expect(ir.parallelToolCalls).toBe(false);
    // Adaptive thinking: the model decides how much to think, thoughts included.
    expect(ir.reasoning).toEqual({ includeThoughts: true });
    expect(ir.extra).toEqual({
      protocol: 'anthropic',
      fields: {
        container: 'container_1',
        tools: [{ type: 'web_search_20250305', name: 'web_search', max_uses: 3 }],
      },
    });
    // Same-protocol round trip keeps the server tool and the container.
    const body = codec.encodeRequest(ir);
    expect(body.tools).toEqual([
      { name: 'lookup', input_schema: { type: 'object' }, strict: true },
      { type: 'web_search_20250305', name: 'web_search', max_uses: 3 },
    ]);
    expect(body.tool_choice).toEqual({ type: 'any', disable_parallel_tool_use: true });
    expect(body.container).toBe('container_1');
    const messages = body.messages as Array<{ content: Array<Record<string, unknown>> }>;
    expect(messages[0]?.content[2]).toEqual({ type: 'document', source: { type: 'text', media_type: 'text/plain', data: 'héllo' } });
  });

  it('keeps a mid-conversation system message in place, maps effort, and records what it leaves out', () => {
    const dropped = new DroppedFeatures();
    const ir = codec.decodeRequest(
      {
        ...base,
        messages: [
          { role: 'user', content: 'hi' },
          { role: 'system', content: [{ type: 'text', text: 'Be brief.' }, { type: 'image', source: { type: 'url', url: 'https://x/i.png' } }] },
          { role: 'critic', content: 'ignored' },
          { role: 'user', content: [{ type: 'text', text: 'go' }, { type: 'mystery_block', payload: 1 }] },
        ],
        thinking: { type: 'adaptive' },
        output_config: { effort: 'high', verbosity: 'low' },
      },
      { dropped },
    );
    expect(ir.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'hi' }] },
      { role: 'system', content: [{ type: 'text', text: 'Be brief.' }] },
      { role: 'user', content: [{ type: 'text', text: 'go' }] },
    ]);
    expect(ir.reasoning).toEqual({ includeThoughts: true, effort: 'high' });
    expect(ir.extra).toEqual({ protocol: 'anthropic', fields: { output_config: { verbosity: 'low' } } });
    expect(dropped.list()).toEqual(['content.system_image', 'role.critic', 'content.mystery_block']);
    // Back to Anthropic (from another caller's IR) the system message joins `system`.
    const { extra: _extra, ...withoutExtra } = ir;
    const body = codec.encodeRequest(withoutExtra);
    expect(body.system).toBe('Be brief.');
    expect(body.messages).toEqual([{ role: 'user', content: [{ type: 'text', text: 'hi' }, { type: 'text', text: 'go' }] }]);
  });

  it('reads thinking disabled as budget 0', () => {
    const ir = codec.decodeRequest({ ...base, messages: [{ role: 'user', content: 'x' }], thinking: { type: 'disabled' } });
    expect(ir.reasoning).toEqual({ budgetTokens: 0 });
    expect(codec.encodeRequest(ir).thinking).toBeUndefined();
  });
});

// ───────────────────────────── request encoding ─────────────────────────────

describe('encodeRequest from other protocols', () => {
  const ir = (patch: Partial<IrRequest>): IrRequest => ({
    model: 'claude-sonnet-4-5',
    messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }],
    stream: false,
    ...patch,
  });

  it('defaults max_tokens and leaves out what Anthropic cannot take', () => {
    const body = codec.encodeRequest(
      ir({
        n: 2,
        seed: 7,
        presencePenalty: 0.5,
        frequencyPenalty: 0.5,
        temperature: 1.6,
        stop: ['  ', 'STOP'],
        responseFormat: { type: 'json_schema', name: 'x', schema: { type: 'object' } },
        extra: { protocol: 'openai-chat', fields: { logprobs: true } },
        streamUsage: true,
      }),
    );
    expect(body).toEqual({
      model: 'claude-sonnet-4-5',
      max_tokens: DEFAULT_MAX_TOKENS,
      messages: [{ role: 'user', content: 'hi' }],
      temperature: 1,
      stop_sequences: ['STOP'],
    });
  });

  it('merges roles, starts with the user, turns tool messages into tool_result blocks', () => {
    const body = codec.encodeRequest(
      ir({
        system: [{ type: 'text', text: 'Be brief.' }, { type: 'text', text: 'Late system note.' }],
        messages: [
          { role: 'assistant', content: [{ type: 'text', text: 'Hello! How can I help?' }] },
          { role: 'user', content: [{ type: 'text', text: 'Weather?' }] },
          { role: 'user', content: [{ type: 'image', source: { kind: 'url', url: 'data:image/jpeg;base64,/9j/4AAQ' }, detail: 'high' }] },
          {
            role: 'assistant',
            content: [
              { type: 'reasoning', text: 'unsigned thoughts' },
              { type: 'tool-call', id: 'call.1', name: 'get_weather', arguments: '{"city":"Paris"}' },
              { type: 'tool-call', id: 'call_2', name: 'get_time', arguments: 'not json' },
            ],
          },
          { role: 'tool', toolCallId: 'call.1', name: 'get_weather', content: [{ type: 'text', text: 'sunny' }] },
          { role: 'tool', toolCallId: 'call_2', content: [{ type: 'image', source: { kind: 'url', url: 'https://x/y.png' } }] },
          { role: 'user', content: [{ type: 'text', text: 'thanks' }, { type: 'audio', data: 'UklGR', format: 'wav' }] },
          { role: 'assistant', content: [{ type: 'reasoning', text: 'only unsigned reasoning' }] },
        ],
      }),
    );
    expect(body.system).toEqual([
      { type: 'text', text: 'Be brief.' },
      { type: 'text', text: 'Late system note.' },
    ]);
    expect(body.messages).toEqual([
      { role: 'user', content: PLACEHOLDER_USER_TEXT },
      { role: 'assistant', content: 'Hello! How can I help?' },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Weather?' },
          { type: 'image', source: { type: 'base64', media_type: 'image/jpeg', data: '/9j/4AAQ' } },
        ],
      },
      {
        role: 'assistant',
        content: [
          { type: 'tool_use', id: 'call_1', name: 'get_weather', input: { city: 'Paris' } },
          { type: 'tool_use', id: 'call_2', name: 'get_time', input: {} },
        ],
      },
      {
        role: 'user',
        content: [
          { type: 'tool_result', tool_use_id: 'call_1', content: 'sunny' },
          { type: 'tool_result', tool_use_id: 'call_2', content: [{ type: 'image', source: { type: 'url', url: 'https://x/y.png' } }] },
          { type: 'text', text: 'thanks' },
        ],
      },
    ]);
  });

  it('drops empty text (an OpenAI assistant turn with content "" and tool calls)', () => {
    const body = codec.encodeRequest(
      ir({
        system: [{ type: 'text', text: '' }],
        messages: [
          { role: 'user', content: [{ type: 'text', text: 'go' }] },
          { role: 'assistant', content: [{ type: 'text', text: '' }, { type: 'tool-call', id: 'c1', name: 'f', arguments: '{}' }] },
          { role: 'tool', toolCallId: 'c1', content: [{ type: 'text', text: ' ' }] },
        ],
      }),
    );
    expect(body).not.toHaveProperty('system');
    expect(body.messages).toEqual([
      { role: 'user', content: 'go' },
      { role: 'assistant', content: [{ type: 'tool_use', id: 'c1', name: 'f', input: {} }] },
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'c1' }] },
    ]);
  });

  it('maps effort to a thinking budget and keeps max_tokens above it', () => {
    const body = codec.encodeRequest(ir({ reasoning: { effort: 'high' }, maxOutputTokens: 4000, temperature: 0.2, topK: 5, topP: 0.9 }));
    expect(body.thinking).toEqual({ type: 'enabled', budget_tokens: EFFORT_BUDGETS.high });
    expect(body.max_tokens).toBe(EFFORT_BUDGETS.high + 4096);
    expect(body).not.toHaveProperty('temperature');
    expect(body).not.toHaveProperty('top_k');
    expect(body).not.toHaveProperty('top_p');
    expect(codec.encodeRequest(ir({ reasoning: { budgetTokens: 500 }, maxOutputTokens: 20000 })).thinking).toEqual({
      type: 'enabled',
      budget_tokens: 1024,
    });
    expect(codec.encodeRequest(ir({ reasoning: { effort: 'low', budgetTokens: 0 } }))).not.toHaveProperty('thinking');
  });

  it('maps tool choice and parallel calls; a forced tool wins over thinking', () => {
    const tools = [{ name: 't', parameters: { type: 'object' }, cacheControl: { type: 'ephemeral' as const } }];
    const body = codec.encodeRequest(ir({ tools, toolChoice: { type: 'required' }, parallelToolCalls: false, reasoning: { effort: 'low' } }));
    expect(body.tools).toEqual([{ name: 't', input_schema: { type: 'object' }, cache_control: { type: 'ephemeral' } }]);
    expect(body.tool_choice).toEqual({ type: 'any', disable_parallel_tool_use: true });
    expect(body).not.toHaveProperty('thinking');
    expect(codec.encodeRequest(ir({ tools, parallelToolCalls: false })).tool_choice).toEqual({
      type: 'auto',
      disable_parallel_tool_use: true,
    });
    expect(codec.encodeRequest(ir({ tools, toolChoice: { type: 'tool', name: 't' } })).tool_choice).toEqual({ type: 'tool', name: 't' });
    expect(codec.encodeRequest(ir({ tools, toolChoice: { type: 'none' } })).tool_choice).toEqual({ type: 'none' });
    expect(codec.encodeRequest(ir({ toolChoice: { type: 'auto' } }))).not.toHaveProperty('tool_choice');
  });

  it('encodes files by media type', () => {
    const body = codec.encodeRequest(
      ir({
        messages: [
          {
            role: 'user',
            content: [
              { type: 'file', source: { kind: 'base64', mediaType: 'application/pdf', data: 'JVBERi0x' }, filename: 'a.pdf' },
              { type: 'file', source: { kind: 'url', url: 'data:text/plain;base64,aGk=' } },
              { type: 'file', source: { kind: 'url', url: 'https://example.com/b.pdf' } },
              { type: 'file', source: { kind: 'file-id', fileId: 'file_1' } },
              { type: 'file', source: { kind: 'base64', mediaType: 'image/png', data: 'iVBOR' } },
            ],
          },
        ],
      }),
    );
    expect((body.messages as Array<{ content: unknown }>)[0]?.content).toEqual([
      { type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: 'JVBERi0x' }, title: 'a.pdf' },
      { type: 'document', source: { type: 'text', media_type: 'text/plain', data: 'hi' } },
      { type: 'document', source: { type: 'url', url: 'https://example.com/b.pdf' } },
      { type: 'document', source: { type: 'file', file_id: 'file_1' } },
      { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBOR' } },
    ]);
  });
});

// ───────────────────────────── responses ─────────────────────────────

describe('responses', () => {
  it('encodes IR from another provider: unsigned reasoning, bad arguments, usage with cache', () => {
    const body = codec.encodeResponse(
      {
        id: 'chatcmpl-1',
        model: 'gpt-x',
        created: 1,
        content: [
          { type: 'reasoning', text: 'hmm' },
          { type: 'tool-call', id: 'call_1', name: 'f', arguments: '' },
        ],
        stopReason: 'tool-calls',
        usage: { input: 1000, output: 50, cachedInput: 800, reasoning: 20 },
      },
      { model: 'claude-alias' },
    );
    expect(body).toEqual({
      id: 'chatcmpl-1',
      type: 'message',
      role: 'assistant',
      model: 'claude-alias',
      content: [
        { type: 'thinking', thinking: 'hmm', signature: '' },
        { type: 'tool_use', id: 'call_1', name: 'f', input: {} },
      ],
      stop_reason: 'tool_use',
      stop_sequence: null,
      usage: { input_tokens: 200, cache_creation_input_tokens: 0, cache_read_input_tokens: 800, output_tokens: 50 },
    });
  });

  it('throws IrInputError on a body that is not a message', () => {
    expect(() => codec.decodeResponse({ id: 'x', model: 'm' })).toThrow(IrInputError);
    expect(() => codec.decodeResponse({ id: 'x', model: 'm' })).toThrow(/^content: Required \(expected array\)$/);
  });

  it('maps every stop reason', () => {
    const reasons = { end_turn: 'end', max_tokens: 'length', stop_sequence: 'stop-sequence', tool_use: 'tool-calls', pause_turn: 'end', refusal: 'refusal' };
    for (const [wire, irReason] of Object.entries(reasons)) {
      const ir = codec.decodeResponse({ id: 'm', model: 'x', content: [], stop_reason: wire, stop_sequence: wire === 'stop_sequence' ? '###' : null });
      expect(ir.stopReason).toBe(irReason);
      if (wire === 'stop_sequence') expect(ir.stopSequence).toBe('###');
    }
  });
});

// ───────────────────────────── stream encoder ─────────────────────────────

describe('stream encoder', () => {
  it('holds message_delta until usage that arrives after finish (OpenAI order)', () => {
    const encoder = codec.createStreamEncoder({ model: 'claude-alias' });
    const events: IrStreamEvent[] = [
      { type: 'start', id: 'chatcmpl-9', model: 'gpt-4o', created: 1 },
      { type: 'text-delta', index: 0, text: 'Checking ' },
      { type: 'text-delta', index: 0, text: 'both.' },
      { type: 'tool-call-start', index: 1, id: 'call_a', name: 'get_weather' },
      { type: 'tool-call-delta', index: 1, arguments: '{"city":' },
      { type: 'tool-call-delta', index: 1, arguments: '"Paris"}' },
      { type: 'tool-call-start', index: 2, id: 'call_b', name: 'get_time' },
      { type: 'tool-call-delta', index: 2, arguments: '{}' },
      { type: 'finish', stopReason: 'tool-calls' },
    ];
    let out = '';
    for (const e of events) out += encoder.push(e);
    expect(out).not.toContain('message_delta');
    out += encoder.push({ type: 'usage', usage: { input: 120, output: 40, cachedInput: 100 } });
    out += encoder.end();
    expect(encoder.end()).toBe('');
    expect(encoder.push({ type: 'usage', usage: { input: 1, output: 1 } })).toBe('');

    const list = frames(out);
    expect(list.filter((f) => f.event === 'message_start')).toHaveLength(1);
    expect(list.filter((f) => f.event === 'message_delta')).toHaveLength(1);
    expect(list.filter((f) => f.event === 'message_stop')).toHaveLength(1);
    expect(list.filter((f) => f.event === 'content_block_start')).toHaveLength(3);
    expect(list.filter((f) => f.event === 'content_block_stop')).toHaveLength(3);
    const message = accumulate(out);
    expect(message).toMatchObject({
      id: 'chatcmpl-9',
      model: 'claude-alias',
      stop_reason: 'tool_use',
      usage: { input_tokens: 20, cache_read_input_tokens: 100, cache_creation_input_tokens: 0, output_tokens: 40 },
    });
    expect(message.content).toEqual([
      { type: 'text', text: 'Checking both.' },
      { type: 'tool_use', id: 'call_a', name: 'get_weather', input: { city: 'Paris' } },
      { type: 'tool_use', id: 'call_b', name: 'get_time', input: {} },
    ]);
  });

  it('puts early usage into message_start and finishes at end() without a later usage', () => {
    const encoder = codec.createStreamEncoder({ model: 'm' });
    let out = encoder.push({ type: 'start', id: 'msg_1', model: 'u', created: 1 });
    out += encoder.push({ type: 'usage', usage: { input: 50, output: 0, cacheWrite: 10 } });
    expect(out).toBe('');
    out += encoder.push({ type: 'reasoning-delta', index: 3, text: 'think' });
    out += encoder.push({ type: 'reasoning-signature', index: 3, signature: 'sig' });
    out += encoder.push({ type: 'text-delta', index: 5, text: 'answer' });
    out += encoder.push({ type: 'finish', stopReason: 'stop-sequence', stopSequence: 'END' });
    out += encoder.end();
    const list = frames(out);
    expect((list[0]?.data.message as { usage: unknown }).usage).toEqual({
      input_tokens: 40,
      cache_creation_input_tokens: 10,
      cache_read_input_tokens: 0,
      output_tokens: 0,
    });
    const message = accumulate(out);
    expect(message.content).toEqual([
      { type: 'thinking', thinking: 'think', signature: 'sig' },
      { type: 'text', text: 'answer' },
    ]);
    expect(message.stop_reason).toBe('stop_sequence');
    expect(message.stop_sequence).toBe('END');
  });

  it('closes everything at end() even without finish, and writes a complete empty message for an empty stream', () => {
    const a = codec.createStreamEncoder({ model: 'm' });
    const out = a.push({ type: 'start', id: 'msg_2', model: 'u', created: 1 }) + a.push({ type: 'text-delta', index: 0, text: 'cut' }) + a.end();
    expect(accumulate(out)).toMatchObject({ stop_reason: 'end_turn', content: [{ type: 'text', text: 'cut' }] });
    const b = codec.createStreamEncoder({ model: 'm' });
    expect(accumulate(b.end())).toMatchObject({ content: [], stop_reason: 'end_turn' });
  });

  it('writes an error event and nothing after it', () => {
    const encoder = codec.createStreamEncoder({ model: 'm' });
    let out = encoder.push({ type: 'start', id: 'msg_3', model: 'u', created: 1 });
    out += encoder.push({ type: 'text-delta', index: 0, text: 'partial' });
    out += encoder.push({ type: 'error', message: 'upstream timed out', code: 'timeout' });
    out += encoder.end();
    const list = frames(out);
    expect(list.at(-1)).toEqual({ event: 'error', data: { type: 'error', error: { type: 'api_error', message: 'upstream timed out' } } });
    expect(list.some((f) => f.event === 'message_stop')).toBe(false);
  });
});

// ───────────────────────────── stream decoder ─────────────────────────────

describe('stream decoder', () => {
  it('uses message_start input when message_delta only has output, and reports a cut-off stream', () => {
    const decoder = codec.createStreamDecoder();
    const push = (data: object) => decoder.push({ event: (data as { type: string }).type, data: JSON.stringify(data) });
    push({ type: 'message_start', message: { id: 'msg_1', model: 'c', usage: { input_tokens: 10, cache_read_input_tokens: 90, output_tokens: 1 } } });
    push({ type: 'content_block_start', index: 0, content_block: { type: 'server_tool_use', id: 's', name: 'web_search', input: {} } });
    expect(push({ type: 'content_block_delta', index: 0, delta: { type: 'input_json_delta', partial_json: '{"q":1}' } })).toEqual([]);
    expect(push({ type: 'message_delta', delta: { stop_reason: 'max_tokens' }, usage: { output_tokens: 7 } })).toEqual([
      { type: 'finish', stopReason: 'length' },
      { type: 'usage', usage: { input: 100, output: 7, cachedInput: 90 } },
    ]);
    expect(decoder.end()).toEqual([]);

    const cut = codec.createStreamDecoder();
    cut.push({ event: 'message_start', data: JSON.stringify({ type: 'message_start', message: { id: 'm', model: 'c' } }) });
    expect(cut.end()).toEqual([{ type: 'finish', stopReason: 'error' }]);
    expect(cut.end()).toEqual([]);
  });

  it('turns malformed data into an error event', () => {
    const decoder = codec.createStreamDecoder();
    expect(decoder.push({ event: 'content_block_delta', data: '{oops' })).toEqual([
      { type: 'error', message: 'Malformed Anthropic stream event "content_block_delta": data is not JSON', code: 'invalid_stream_event' },
    ]);
  });
});

// ───────────────────────────── errors ─────────────────────────────

describe('errors', () => {
  it('encodes the error type by status', () => {
    const cases: Array<[number, string]> = [
      [400, 'invalid_request_error'],
      [401, 'authentication_error'],
      [402, 'billing_error'],
      [403, 'permission_error'],
      [404, 'not_found_error'],
      [409, 'invalid_request_error'],
      [413, 'request_too_large'],
      [429, 'rate_limit_error'],
      [500, 'api_error'],
      [502, 'api_error'],
      [503, 'api_error'],
      [529, 'overloaded_error'],
    ];
    for (const [status, type] of cases) {
      expect(codec.encodeError(status, 'msg')).toEqual({ type: 'error', error: { type, message: 'msg' } });
    }
    expect(codec.encodeError(503, 'Overloaded', 'overloaded_error')).toEqual({
      type: 'error',
      error: { type: 'overloaded_error', message: 'Overloaded' },
    });
    expect(codec.encodeError(400, 'x', 'model_not_found')).toEqual({ type: 'error', error: { type: 'invalid_request_error', message: 'x' } });
  });

  it('decodes error bodies, objects or JSON text', () => {
    const body = { type: 'error', error: { type: 'rate_limit_error', message: 'Number of requests has exceeded your rate limit' }, request_id: 'req_1' };
    expect(codec.decodeError(body)).toEqual({ type: 'rate_limit_error', message: 'Number of requests has exceeded your rate limit' });
    expect(codec.decodeError(JSON.stringify(body))).toEqual(codec.decodeError(body));
    expect(codec.decodeError({ id: 'msg_1', type: 'message' })).toBeUndefined();
    expect(codec.decodeError('<html>Bad Gateway</html>')).toBeUndefined();
    expect(codec.decodeError({ type: 'error', error: {} })).toBeUndefined();
  });
});
