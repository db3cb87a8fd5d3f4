import { Writable } from 'node:stream';
import { openaiChatCodec } from '@switchboard/protocol';
import type { FastifyReply } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MOCK_FAIL_MIDSTREAM_MODEL, MOCK_FAIL_MODEL } from '../../../../testkit/src/native/script.js';
import { startSparkMock, type SparkMock } from '../../../../testkit/src/native/spark/spark-mock.js';
import type { AttemptContext, GenerationDeps } from '../../relay/generate/attempt.js';
import { ClientAbort } from '../../relay/generate/client-abort.js';
import { convertJsonAttempt } from '../../relay/generate/convert-json-attempt.js';
import { convertStreamAttempt } from '../../relay/generate/convert-stream-attempt.js';
import { inboundRequest } from '../../relay/generate/inbound.js';
import type { Attempt } from '../../relay/routing/router.js';
import { ReplyOutput } from '../../relay/routes/reply-output.js';
import { OutputCounter } from '../../relay/token-estimate.js';
import { UpstreamClients } from '../../relay/upstream/upstream-clients.js';
import { sparkAdapter } from './spark-adapter.js';

// The relay core's own attempt functions driving the Spark adapter against the mock: proof
// that the transport's answers (content types, error bodies, statuses, failing bodies) mean
// to the core what the adapter intends. Only the client side is faked.

const KEY = 'coreapp1|coreSecret|coreKey';
const TEXT = '你好，我是星火。';
let mock: SparkMock;
let clients: UpstreamClients;
beforeAll(async () => {
  mock = await startSparkMock({ apiKeys: [KEY], text: TEXT, usage: { input: 11, output: 7 } });
  clients = new UpstreamClients({ connectMs: 5_000, headersMs: 5_000, idleMs: 5_000 });
});
afterAll(async () => {
  await clients.close();
  await mock.close();
});

/** What the caller received. */
class FakeClient extends Writable {
  status = 0;
  text = '';
  override _write(chunk: Buffer, _enc: BufferEncoding, cb: () => void): void {
    this.text += chunk.toString();
    cb();
  }
  writeHead(status: number): this {
    this.status = status;
    return this;
  }
}

function context(content: string, stream: boolean, opts: { key?: string; target?: SparkMock; signal?: ClientAbort; client?: FakeClient } = {}) {
  const client = opts.client ?? new FakeClient();
  const reply = {
    raw: client,
    code(status: number) {
      client.status = status;
      return reply;
    },
    header: () => reply,
    hasHeader: () => false,
    removeHeader: () => reply,
    send(body: string) {
      client.end(body);
      return reply;
    },
    hijack: () => {},
    getHeaders: () => ({}),
  };
  const body = { model: 'spark', stream, messages: [{ role: 'user', content }] };
  const attempt: Attempt = {
    channel: { id: 1, name: 'spark', type: 'spark-native', baseUrl: (opts.target ?? mock).url, keys: [KEY], models: ['lite'], mapping: { rules: new Map(), hidden: new Set() }, groups: [], priority: 0, weight: 1, retry: 1, headers: {}, proxy: null },
    key: opts.key ?? KEY,
    upstreamModel: 'lite',
  };
  const ctx = {
    deps: { clients, keepAliveIntervalMs: 60_000 } as unknown as GenerationDeps,
    call: {
      requestId: 'req-1',
      inbound: inboundRequest(
        { codec: openaiChatCodec, endpoint: 'chat.completions', model: 'spark', stream, includeUsage: true, body, passHeaders: {} },
        () => openaiChatCodec.decodeRequest(body),
      ),
      output: new ReplyOutput(reply as unknown as FastifyReply, 'req-1'),
      startedAt: performance.now(),
    },
    attempt,
    signal: opts.signal ?? new ClientAbort(),
    counter: new OutputCounter(),
  } as unknown as AttemptContext;
  return { ctx, client };
}

describe('Spark adapter through the relay core', () => {
  it('serves a non-stream OpenAI caller with upstream usage', async () => {
    const { ctx, client } = context('hi', false);
    const result = await convertJsonAttempt(ctx, sparkAdapter);
    expect(result).toMatchObject({ kind: 'success', usage: { promptTokens: 11, completionTokens: 7 } });
    expect(JSON.parse(client.text)).toMatchObject({ choices: [{ message: { content: TEXT }, finish_reason: 'stop' }] });
  });

  it('serves a streaming OpenAI caller', async () => {
    const { ctx, client } = context('hi', true);
    const result = await convertStreamAttempt(ctx, sparkAdapter);
    expect(result).toMatchObject({ kind: 'success', usage: { promptTokens: 11, completionTokens: 7 } });
    const deltas = client.text
      .split('\n\n')
      .filter((f) => f.startsWith('data: {'))
      .map((f) => (JSON.parse(f.slice(6)) as { choices: Array<{ delta?: { content?: string } }> }).choices[0]?.delta?.content ?? '');
    expect(deltas.join('')).toBe(TEXT);
    expect(client.text).toContain('data: [DONE]');
  });

  it('fails over (nothing sent) on a bad signature and on a refused question, classified', async () => {
    for (const stream of [false, true]) {
      const run = (c: AttemptContext) => (stream ? convertStreamAttempt(c, sparkAdapter) : convertJsonAttempt(c, sparkAdapter));
      const bad = context('hi', stream, { key: 'coreapp1|wrong|coreKey' });
      expect(await run(bad.ctx)).toEqual({ kind: 'failed', failure: { kind: 'auth', status: 401, message: 'HMAC signature does not match', retryable: true } });
      const refused = context(MOCK_FAIL_MODEL, stream);
      expect(await run(refused.ctx)).toMatchObject({ kind: 'failed', failure: { kind: 'bad_request', retryable: false } });
      expect(bad.client.text + refused.client.text).toBe('');
    }
  });

  it('reports a network failure when nothing listens', async () => {
    const dead = { ...mock, url: 'http://127.0.0.1:1' };
    const { ctx } = context('hi', false, { target: dead });
    expect(await convertJsonAttempt(ctx, sparkAdapter)).toMatchObject({ kind: 'failed', failure: { kind: 'network' } });
  });

  it('breaks a stream that fails after output, and stops the upstream when the caller leaves', async () => {
    const broken = context(MOCK_FAIL_MIDSTREAM_MODEL, true);
    const result = await convertStreamAttempt(broken.ctx, sparkAdapter);
    // "broken" once the first frame's text reached the caller; "failed" when both frames came
    // in one read and the core could still fail over. Either way a server failure.
    expect(['broken', 'failed']).toContain(result.kind);
    expect(result).toMatchObject({ failure: { kind: 'server', message: expect.stringContaining('输出内容') } });

    const slow = await startSparkMock({ apiKeys: [KEY], text: 'x'.repeat(40), pieces: 40, frameDelayMs: 20 });
    try {
      const signal = new ClientAbort();
      const client = new FakeClient();
      // The caller leaves as soon as the first output reaches it.
      const origWrite = client.write.bind(client);
      client.write = ((chunk: string) => {
        signal.abort();
        return origWrite(chunk);
      }) as typeof client.write;
      const { ctx } = context('hi', true, { target: slow, signal, client });
      expect(await convertStreamAttempt(ctx, sparkAdapter)).toMatchObject({ kind: 'aborted' });
      const record = slow.requests.at(-1)!;
      await record.closed;
      expect(record.framesSent).toBeLessThan(40);
    } finally {
      await slow.close();
    }
  });
});
