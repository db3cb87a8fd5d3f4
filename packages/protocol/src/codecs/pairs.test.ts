import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { IrProtocol, IrStreamEvent, ProtocolCodec } from '../ir.js';
import { SseDecoder } from '../sse.js';
import { codecFor } from './index.js';

/**
 * Golden files for every ordered pair of protocols: each protocol's own request, answer
 * and stream fixtures are decoded with its codec and encoded with every other codec; the
 * result must equal `__pairs__/<from>-to-<to>/<fixture>`. These are what a caller of one
 * protocol sends to, or receives from, an upstream of another. `UPDATE_GOLDEN=1` rewrites
 * them; read a rewritten golden before committing it.
 */
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const PROTOCOLS: IrProtocol[] = ['openai-chat', 'openai-responses', 'anthropic', 'gemini'];
const REQUESTS = ['request-basic', 'request-vision', 'request-tools', 'request-reasoning'];
const RESPONSES = ['response-text', 'response-tools', 'response-reasoning'];
const STREAMS = ['stream-text', 'stream-tools', 'stream-reasoning', 'stream-error'];
const MODEL = 'caller-model';

const fixture = (protocol: IrProtocol, name: string) => readFileSync(new URL(`./${protocol}/__fixtures__/${name}`, import.meta.url), 'utf8');
const pairFile = (from: IrProtocol, to: IrProtocol, name: string) => new URL(`./__pairs__/${from}-to-${to}/${name}`, import.meta.url);

function golden(from: IrProtocol, to: IrProtocol, name: string, actual: string): void {
  const file = pairFile(from, to, name);
  if (UPDATE) {
    mkdirSync(new URL('.', file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  expect(existsSync(file), `missing golden ${file.pathname}; run with UPDATE_GOLDEN=1`).toBe(true);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

/** Gemini request fixtures carry the URL's model and action beside the body. */
function decodeRequestFixture(codec: ProtocolCodec, text: string) {
  const json = JSON.parse(text) as Record<string, unknown>;
  if (codec.protocol === 'gemini') {
    const { model, stream, body } = json as { model: string; stream: boolean; body: unknown };
    return codec.decodeRequest(body, { model, stream });
  }
  return codec.decodeRequest(json);
}

function decodeStream(codec: ProtocolCodec, text: string): IrStreamEvent[] {
  const sse = new SseDecoder();
  const decoder = codec.createStreamDecoder();
  const out: IrStreamEvent[] = [];
  for (const e of [...sse.push(text), ...sse.end()]) out.push(...decoder.push({ event: e.event, data: e.data }));
  out.push(...decoder.end());
  return out;
}

beforeAll(() => {
  // Decoders of protocols without a creation time stamp answers with the clock.
  vi.useFakeTimers({ now: new Date('2025-06-01T16:42:00Z'), toFake: ['Date'] });
});
afterAll(() => {
  vi.useRealTimers();
});

const pairs = PROTOCOLS.flatMap((from) => PROTOCOLS.filter((to) => to !== from).map((to) => [from, to] as const));

describe.each(pairs)('%s → %s', (from, to) => {
  const source = codecFor(from);
  const target = codecFor(to);

  it.each(REQUESTS)('request %s', (name) => {
    const ir = decodeRequestFixture(source, fixture(from, `${name}.json`));
    golden(from, to, `${name}.json`, `${JSON.stringify(target.encodeRequest(ir), null, 2)}\n`);
  });

  it.each(RESPONSES)('answer %s', (name) => {
    const ir = source.decodeResponse(JSON.parse(fixture(from, `${name}.json`)));
    golden(from, to, `${name}.json`, `${JSON.stringify(target.encodeResponse(ir, { model: MODEL }), null, 2)}\n`);
  });

  it.each(STREAMS)('stream %s', (name) => {
    const encoder = target.createStreamEncoder({ model: MODEL, includeUsage: true });
    let out = '';
    for (const event of decodeStream(source, fixture(from, `${name}.sse.txt`))) out += encoder.push(event);
    out += encoder.end();
    golden(from, to, `${name}.sse.txt`, out);
  });
});
