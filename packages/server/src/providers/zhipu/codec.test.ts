import { readFileSync } from 'node:fs';
import { SseDecoder, type IrRequest, type IrStreamEvent } from '@switchboard/protocol';
import { describe, expect, it } from 'vitest';
import type { UpstreamRequest } from '../provider-adapter.js';
import { createZhipuAdapter } from './zhipu-adapter.js';

// Golden files for Zhipu's dialect of OpenAI Chat, read by the shared OpenAI codec:
// the request the adapter sends, Zhipu's answers (request_id, reasoning_content, tool
// calls) and its stream (usage on the last chunk, then [DONE]), from Zhipu's docs.
const fixture = (name: string): string => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');
const json = (name: string): unknown => JSON.parse(fixture(name));
const adapter = createZhipuAdapter({ now: () => 1_700_000_000_000 });

describe('Zhipu through the OpenAI chat codec (golden files)', () => {
  it('sends the OpenAI body Zhipu takes', async () => {
    const ir = json('request-chat.ir.json') as IrRequest;
    const built = (await adapter.build({
      baseUrl: 'https://open.bigmodel.cn/api/paas/v4',
      basePath: '/api/paas/v4',
      host: 'open.bigmodel.cn',
      key: 'abc.def',
      upstreamModel: 'glm-4-plus',
      stream: true,
      extraHeaders: {},
      passHeaders: {},
      body: adapter.codec.encodeRequest(ir),
    })) as UpstreamRequest;
    expect(built.path).toBe('/api/paas/v4/chat/completions');
    expect(JSON.parse(String(built.body))).toEqual(json('request-chat.wire.json'));
  });

  it.each(['reasoning', 'tools'])('decodes answer %s', (name) => {
    expect(adapter.codec.decodeResponse(json(`response-${name}.wire.json`))).toEqual(json(`response-${name}.ir.json`));
  });

  it('decodes the documented stream', () => {
    const frames = new SseDecoder();
    const decoder = adapter.codec.createStreamDecoder();
    const events: IrStreamEvent[] = [];
    for (const f of [...frames.push(fixture('stream-text.sse')), ...frames.end()]) events.push(...decoder.push(f));
    events.push(...decoder.end());
    expect(events).toEqual(json('stream-text.events.json'));
  });

  it('reads Zhipu error bodies', () => {
    expect(adapter.codec.decodeError({ error: { code: '1113', message: '您的账户已欠费，请充值后重试。' } })).toMatchObject({
      code: '1113',
      message: '您的账户已欠费，请充值后重试。',
    });
  });
});
