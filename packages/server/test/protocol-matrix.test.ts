import Anthropic from '@anthropic-ai/sdk';
import { GoogleGenAI } from '@google/genai';
import { DEFAULT_TEXT, startMockUpstream, type MockUpstream } from '@switchboard/testkit';
import type OpenAI from 'openai';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createChannel, createKey, startTestServer, stopAll, usageRows, type TestServer } from './harness.js';

/**
 * every inbound format (OpenAI Chat, Responses, Anthropic, Gemini), driven by its
 * official SDK, against every upstream protocol, stream and not, with a tool and an image.
 * The mock answers each upstream in its own wire format, so every cell crosses a real
 * conversion (or a real pass-through where the protocols match).
 */

// A 1×1 PNG.
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const WEATHER_SCHEMA = { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] };
const TOOL_CALL = { name: 'get_weather', arguments: '{"city":"Paris"}' };

interface Upstream {
  type: string;
  baseUrl: (mock: MockUpstream) => string;
  upstreamModel: string;
  /** Where the upstream request put the image, as that protocol spells it. */
  imageOf: (body: Record<string, unknown>) => boolean;
  toolOf: (body: Record<string, unknown>) => boolean;
}

const has = (body: unknown, needle: string) => JSON.stringify(body).includes(needle);

const UPSTREAMS: Record<string, Upstream> = {
  openai: {
    type: 'openai',
    baseUrl: (m) => m.url,
    upstreamModel: 'gpt-4o-mini',
    // A Responses caller is passed through to OpenAI's own /v1/responses (`input`), others go to chat (`messages`).
    imageOf: (b) => has(b.messages ?? b.input, `data:image/png;base64,${PNG}`),
    toolOf: (b) => has(b.tools, '"name":"get_weather"'),
  },
  anthropic: {
    type: 'anthropic',
    baseUrl: (m) => m.url,
    upstreamModel: 'claude-sonnet-4-5',
    imageOf: (b) => has(b.messages, `"type":"base64","media_type":"image/png","data":"${PNG}"`),
    toolOf: (b) => has(b.tools, '"input_schema"'),
  },
  gemini: {
    type: 'gemini',
    baseUrl: (m) => `${m.origin}/v1beta`,
    upstreamModel: 'gemini-2.5-flash',
    imageOf: (b) => has(b.contents, `"mimeType":"image/png","data":"${PNG}"`),
    toolOf: (b) => has(b.tools, '"functionDeclarations"'),
  },
  azure: {
    type: 'azure',
    baseUrl: (m) => `${m.origin}?api-version=2024-10-21`,
    upstreamModel: 'gpt-4o',
    imageOf: (b) => has(b.messages, `data:image/png;base64,${PNG}`),
    toolOf: (b) => has(b.tools, '"name":"get_weather"'),
  },
};

interface Answer {
  text: string;
  toolName?: string;
  toolArgs?: unknown;
}

/** One inbound protocol: sends the question with an image and a tool, returns what the SDK saw. */
type Inbound = (model: string, stream: boolean) => Promise<Answer>;

let server: TestServer;
let mock: MockUpstream;
let key: string;
let inbound: Record<string, Inbound>;

beforeAll(async () => {
  server = await startTestServer();
  const root = await server.rootToken();
  key = await createKey(server, root);
  mock = await startMockUpstream({ apiKeys: ['sk-upstream'] });
  for (const [name, up] of Object.entries(UPSTREAMS)) {
    await createChannel(server, root, {
      name,
      type: up.type,
      base_url: up.baseUrl(mock),
      keys: 'sk-upstream',
      models: [`via-${name}`],
      mapping: `via-${name}>${up.upstreamModel}`,
    });
  }
  const openai = server.openai(key);
  const anthropic = new Anthropic({ apiKey: key, baseURL: server.url, maxRetries: 0 });
  const gemini = new GoogleGenAI({ apiKey: key, httpOptions: { baseUrl: server.url } });

  inbound = {
    'openai-chat': async (model, stream) => {
      const request = {
        model,
        messages: [
          {
            role: 'user' as const,
            content: [
              { type: 'text' as const, text: 'What is in this picture, and the weather in Paris?' },
              { type: 'image_url' as const, image_url: { url: `data:image/png;base64,${PNG}` } },
            ],
          },
        ],
        tools: [{ type: 'function' as const, function: { name: 'get_weather', description: 'Weather of a city', parameters: WEATHER_SCHEMA } }],
      };
      if (!stream) {
        const res = await openai.chat.completions.create(request);
        const call = res.choices[0]?.message.tool_calls?.[0];
        return {
          text: res.choices[0]?.message.content ?? '',
          ...(call?.type === 'function' ? { toolName: call.function.name, toolArgs: JSON.parse(call.function.arguments) } : {}),
        };
      }
      const runner = openai.chat.completions.stream(request);
      const done = await runner.finalChatCompletion();
      const call = done.choices[0]?.message.tool_calls?.[0];
      return {
        text: done.choices[0]?.message.content ?? '',
        ...(call?.type === 'function' ? { toolName: call.function.name, toolArgs: JSON.parse(call.function.arguments) } : {}),
      };
    },
    'openai-responses': async (model, stream) => {
      const request = {
        model,
        input: [
          {
            role: 'user' as const,
            content: [
              { type: 'input_text' as const, text: 'What is in this picture, and the weather in Paris?' },
              { type: 'input_image' as const, image_url: `data:image/png;base64,${PNG}`, detail: 'auto' as const },
            ],
          },
        ],
        tools: [{ type: 'function' as const, name: 'get_weather', description: 'Weather of a city', parameters: WEATHER_SCHEMA, strict: false }],
      };
      const res: OpenAI.Responses.Response = stream ? await openai.responses.stream(request).finalResponse() : await openai.responses.create(request);
      const call = res.output.find((item) => item.type === 'function_call');
      return {
        text: res.output_text,
        ...(call?.type === 'function_call' ? { toolName: call.name, toolArgs: JSON.parse(call.arguments) } : {}),
      };
    },
    anthropic: async (model, stream) => {
      const request = {
        model,
        max_tokens: 1024,
        messages: [
          {
            role: 'user' as const,
            content: [
              { type: 'text' as const, text: 'What is in this picture, and the weather in Paris?' },
              { type: 'image' as const, source: { type: 'base64' as const, media_type: 'image/png' as const, data: PNG } },
            ],
          },
        ],
        tools: [{ name: 'get_weather', description: 'Weather of a city', input_schema: WEATHER_SCHEMA as Anthropic.Tool.InputSchema }],
      };
      const res = stream ? await anthropic.messages.stream(request).finalMessage() : await anthropic.messages.create(request);
      const text = res.content.map((b) => (b.type === 'text' ? b.text : '')).join('');
      const call = res.content.find((b) => b.type === 'tool_use');
      return { text, ...(call?.type === 'tool_use' ? { toolName: call.name, toolArgs: call.input } : {}) };
    },
    gemini: async (model, stream) => {
      const request = {
        model,
        contents: [
          {
            role: 'user',
            parts: [{ text: 'What is in this picture, and the weather in Paris?' }, { inlineData: { mimeType: 'image/png', data: PNG } }],
          },
        ],
        config: { tools: [{ functionDeclarations: [{ name: 'get_weather', description: 'Weather of a city', parametersJsonSchema: WEATHER_SCHEMA }] }] },
      };
      let text = '';
      let call: { name?: string; args?: unknown } | undefined;
      if (stream) {
        for await (const chunk of await gemini.models.generateContentStream(request)) {
          text += chunk.text ?? '';
          call ??= chunk.functionCalls?.[0];
        }
      } else {
        const res = await gemini.models.generateContent(request);
        text = res.text ?? '';
        call = res.functionCalls?.[0];
      }
      return { text, ...(call ? { toolName: call.name, toolArgs: call.args } : {}) };
    },
  };
});

afterEach(() => mock.reset());
afterAll(async () => {
  await stopAll();
  await mock.close();
});

describe.each(Object.keys({ 'openai-chat': 1, 'openai-responses': 1, anthropic: 1, gemini: 1 }))('inbound %s', (from) => {
  describe.each(Object.keys(UPSTREAMS))('to a %s upstream', (to) => {
    const up = UPSTREAMS[to]!;
    describe.each([false, true])('stream %s', (stream) => {
      it('answers with text, and the upstream got the image and the tool in its own format', async () => {
        const before = (await usageRows(server, 0)).length;
        const answer = await inbound[from]!(`via-${to}`, stream);
        expect(answer.text).toBe(DEFAULT_TEXT);
        expect(answer.toolName).toBeUndefined();
        const sent = mock.requests.at(-1)!;
        expect(sent.body).toBeTypeOf('object');
        const body = sent.body as Record<string, unknown>;
        expect(up.imageOf(body)).toBe(true);
        expect(up.toolOf(body)).toBe(true);
        if (to === 'openai') expect(sent.path).toBe(from === 'openai-responses' ? '/v1/responses' : '/v1/chat/completions');
        expect(JSON.stringify(sent)).toContain(up.upstreamModel.replace(/\./g, to === 'azure' ? '' : '.'));
        const row = (await usageRows(server, before + 1)).at(-1)!;
        expect(row).toMatchObject({ status: 'success', model: `via-${to}`, upstream_model: up.upstreamModel, is_stream: stream ? 1 : 0 });
        expect(Number(row.completion_tokens)).toBeGreaterThan(0);
        expect(row.usage_source).toBe('upstream');
      });

      it('returns the tool call the upstream made', async () => {
        mock.enqueue({ toolCalls: [TOOL_CALL] });
        const answer = await inbound[from]!(`via-${to}`, stream);
        expect(answer.toolName).toBe('get_weather');
        expect(answer.toolArgs).toEqual({ city: 'Paris' });
      });
    });
  });
});
