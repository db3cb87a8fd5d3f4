// The Bedrock runtime mock over HTTP: SigV4 checks, body validation, the Message
// answer, the binary event stream (decoded here independently of the encoder), tool
// use, throttling and in-stream exceptions.
import { crc32 } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startMockBedrock } from './mock-bedrock.js';
import { amzDate, canonicalRequest, sha256Hex, signature, stringToSign } from './sigv4.js';
import type { MockBedrock } from './types.js';

const CREDS = { accessKeyId: 'AKIDMOCKEXAMPLE', secretAccessKey: 'mock/secret+KEY', region: 'us-west-2' };
const MODEL_PATH = '/model/anthropic.claude-3-5-sonnet-20241022-v2%3A0';

let mock: MockBedrock;
beforeEach(async () => {
  mock = await startMockBedrock({ ...CREDS, text: 'Hello there, this is the Bedrock mock speaking.' });
});
afterEach(async () => {
  await mock.close();
});

interface SignOptions {
  accessKeyId?: string;
  secretAccessKey?: string;
  /** Sign as if the path were this one (to model a signer that gets the encoding wrong). */
  signedPath?: string;
  date?: Date;
  /** Temporary credentials: sent (and signed) as x-amz-security-token. */
  sessionToken?: string;
}

/** A tiny SigV4 signer for the tests, built on the routine checked against AWS's example. */
function signedInit(path: string, body: string, o: SignOptions = {}, base = mock.url): RequestInit {
  const stamp = amzDate(o.date ?? new Date());
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/json',
    host: new URL(base).host,
    'x-amz-date': stamp,
    ...(o.sessionToken ? { 'x-amz-security-token': o.sessionToken } : {}),
  };
  const signedHeaders = Object.keys(headers).sort();
  const scope = { date: stamp.slice(0, 8), region: CREDS.region, service: 'bedrock' };
  const canonical = canonicalRequest({ method: 'POST', path: o.signedPath ?? path, query: '', headers, signedHeaders, payloadHash: sha256Hex(body) });
  const sig = signature(o.secretAccessKey ?? CREDS.secretAccessKey, scope, stringToSign(stamp, scope, canonical));
  const { host: _host, ...sent } = headers; // fetch sets Host itself
  return {
    method: 'POST',
    body,
    headers: {
      ...sent,
      authorization: `AWS4-HMAC-SHA256 Credential=${o.accessKeyId ?? CREDS.accessKeyId}/${scope.date}/${scope.region}/bedrock/aws4_request, SignedHeaders=${signedHeaders.join(';')}, Signature=${sig}`,
    },
  };
}

const BODY = {
  anthropic_version: 'bedrock-2023-05-31',
  max_tokens: 256,
  system: 'Be brief.', // 9 chars
  messages: [{ role: 'user', content: [{ type: 'text', text: 'Hi there, Claude!' }] }], // 17 chars
};

const invoke = (body: unknown = BODY, o?: SignOptions) =>
  fetch(`${mock.url}${MODEL_PATH}/invoke`, signedInit(`${MODEL_PATH}/invoke`, JSON.stringify(body), o));
const invokeStream = (body: unknown = BODY, o?: SignOptions) =>
  fetch(`${mock.url}${MODEL_PATH}/invoke-with-response-stream`, signedInit(`${MODEL_PATH}/invoke-with-response-stream`, JSON.stringify(body), o));

interface Frame {
  headers: Record<string, string>;
  payload: Buffer;
}

/** Independent event-stream decoder: checks both CRCs and reads string headers. */
function decodeFrames(buf: Buffer): Frame[] {
  const frames: Frame[] = [];
  let off = 0;
  while (off < buf.length) {
    const total = buf.readUInt32BE(off);
    const headersLen = buf.readUInt32BE(off + 4);
    expect(buf.readUInt32BE(off + 8)).toBe(crc32(buf.subarray(off, off + 8)));
    expect(buf.readUInt32BE(off + total - 4)).toBe(crc32(buf.subarray(off, off + total - 4)));
    const headers: Record<string, string> = {};
    let h = off + 12;
    while (h < off + 12 + headersLen) {
      const nameLen = buf.readUInt8(h);
      const name = buf.toString('utf8', h + 1, h + 1 + nameLen);
      expect(buf.readUInt8(h + 1 + nameLen)).toBe(7);
      const valueLen = buf.readUInt16BE(h + 2 + nameLen);
      headers[name] = buf.toString('utf8', h + 4 + nameLen, h + 4 + nameLen + valueLen);
      h += 4 + nameLen + valueLen;
    }
    frames.push({ headers, payload: buf.subarray(off + 12 + headersLen, off + total - 4) });
    off += total;
  }
  return frames;
}

type AnthropicEvent = { type: string } & Record<string, unknown>;

function chunkEvent(f: Frame): AnthropicEvent {
  const payload = JSON.parse(f.payload.toString('utf8')) as { bytes: string; p: string };
  expect(payload.p).toMatch(/^[A-Za-z0-9]+$/);
  return JSON.parse(Buffer.from(payload.bytes, 'base64').toString('utf8')) as AnthropicEvent;
}

async function readFrames(res: Response): Promise<Frame[]> {
  return decodeFrames(Buffer.from(await res.arrayBuffer()));
}

describe('SigV4', () => {
  it('accepts a correctly signed request and captures it', async () => {
    const res = await invoke();
    expect(res.status).toBe(200);
    expect(mock.requests).toHaveLength(1);
    expect(mock.requests[0]).toMatchObject({ method: 'POST', path: `${MODEL_PATH}/invoke`, body: BODY });
    expect(mock.requests[0]!.headers['authorization']).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDMOCKEXAMPLE\//);
  });

  it('rejects a tampered signature', async () => {
    const init = signedInit(`${MODEL_PATH}/invoke`, JSON.stringify(BODY));
    const headers = init.headers as Record<string, string>;
    headers.authorization = headers.authorization!.replace(/Signature=(.)/, (_, c: string) => `Signature=${c === '0' ? '1' : '0'}`);
    const res = await fetch(`${mock.url}${MODEL_PATH}/invoke`, init);
    expect(res.status).toBe(403);
    expect(res.headers.get('x-amzn-errortype')).toBe('InvalidSignatureException:http://internal.amazon.com/coral/com.amazon.coral.service/');
    const body = (await res.json()) as { message: string };
    expect(body.message).toMatch(/^The request signature we calculated does not match the signature you provided\./);
  });

  it('rejects a body changed after signing', async () => {
    const init = signedInit(`${MODEL_PATH}/invoke`, JSON.stringify(BODY));
    const res = await fetch(`${mock.url}${MODEL_PATH}/invoke`, { ...init, body: JSON.stringify({ ...BODY, max_tokens: 999 }) });
    expect(res.status).toBe(403);
    expect(res.headers.get('x-amzn-errortype')).toMatch(/^InvalidSignatureException:/);
  });

  it('rejects a signer that does not encode the path again', async () => {
    // Signing the decoded path (`:` instead of `%3A`) is the classic Bedrock SigV4 bug.
    const res = await invoke(BODY, { signedPath: `${decodeURIComponent(MODEL_PATH)}/invoke` });
    expect(res.status).toBe(403);
  });

  it('rejects the wrong secret, an unknown key, a stale date and a missing header', async () => {
    expect((await invoke(BODY, { secretAccessKey: 'nope' })).status).toBe(403);

    const unknown = await invoke(BODY, { accessKeyId: 'AKIDUNKNOWN' });
    expect(unknown.status).toBe(403);
    expect(unknown.headers.get('x-amzn-errortype')).toBe('UnrecognizedClientException:http://internal.amazon.com/coral/com.amazon.coral.service/');
    expect(await unknown.json()).toEqual({ message: 'The security token included in the request is invalid.' });

    const stale = await invoke(BODY, { date: new Date(Date.now() - 10 * 60_000) });
    expect(stale.status).toBe(403);
    expect(((await stale.json()) as { message: string }).message).toMatch(/^Signature expired/);

    const anonymous = await fetch(`${mock.url}${MODEL_PATH}/invoke`, { method: 'POST', body: JSON.stringify(BODY) });
    expect(anonymous.status).toBe(403);
    expect(anonymous.headers.get('x-amzn-errortype')).toMatch(/^MissingAuthenticationTokenException:/);
  });
});

describe('SigV4 with temporary credentials', () => {
  it('requires the configured session token, signed', async () => {
    const sts = await startMockBedrock({ ...CREDS, sessionToken: 'FwoGZXIvYXdzEXAMPLE' });
    try {
      const send = (o: SignOptions) => fetch(`${sts.url}${MODEL_PATH}/invoke`, signedInit(`${MODEL_PATH}/invoke`, JSON.stringify(BODY), o, sts.url));
      expect((await send({ sessionToken: 'FwoGZXIvYXdzEXAMPLE' })).status).toBe(200);
      expect((await send({ sessionToken: 'other' })).status).toBe(403);
      const none = await send({});
      expect(none.status).toBe(403);
      expect(none.headers.get('x-amzn-errortype')).toMatch(/^UnrecognizedClientException:/);
    } finally {
      await sts.close();
    }
  });
});

describe('body validation', () => {
  it.each([
    ['model', { ...BODY, model: 'claude-3-5-sonnet-20241022' }, /extraneous key \[model\]/],
    ['stream', { ...BODY, stream: true }, /extraneous key \[stream\]/],
    ['no anthropic_version', { ...BODY, anthropic_version: undefined }, /required key \[anthropic_version\]/],
    ['wrong anthropic_version', { ...BODY, anthropic_version: '2023-06-01' }, /anthropic_version/],
    ['no max_tokens', { ...BODY, max_tokens: undefined }, /required key \[max_tokens\]/],
  ])('rejects %s with ValidationException', async (_name, body, message) => {
    const res = await invoke(body);
    expect(res.status).toBe(400);
    expect(res.headers.get('x-amzn-errortype')).toBe('ValidationException:http://internal.amazon.com/coral/com.amazon.bedrock/');
    expect(((await res.json()) as { message: string }).message).toMatch(message);
  });
});

describe('InvokeModel', () => {
  it('answers an Anthropic message', async () => {
    const res = await invoke();
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('x-amzn-bedrock-input-token-count')).toBe('7');
    const body = (await res.json()) as Record<string, unknown>;
    expect(body.id).toMatch(/^msg_bdrk_01[A-Za-z0-9]{22}$/);
    expect(body).toEqual({
      id: body.id,
      type: 'message',
      role: 'assistant',
      model: 'claude-3-5-sonnet-20241022',
      content: [{ type: 'text', text: 'Hello there, this is the Bedrock mock speaking.' }],
      stop_reason: 'end_turn',
      stop_sequence: null,
      // ceil((9 + 17) / 4) = 7 in; ceil(47 / 4) = 12 out.
      usage: { input_tokens: 7, output_tokens: 12 },
    });
  });

  it('answers tool_use blocks', async () => {
    mock.enqueue({ toolCalls: [{ name: 'get_weather', arguments: '{"city":"Paris"}', id: 'toolu_bdrk_fixed' }] });
    const body = (await (await invoke()).json()) as Record<string, unknown>;
    expect(body.content).toEqual([{ type: 'tool_use', id: 'toolu_bdrk_fixed', name: 'get_weather', input: { city: 'Paris' } }]);
    expect(body.stop_reason).toBe('tool_use');
  });

  it('answers a scripted 429 with ThrottlingException', async () => {
    mock.enqueue({ status: 429 });
    const res = await invoke();
    expect(res.status).toBe(429);
    expect(res.headers.get('x-amzn-errortype')).toBe('ThrottlingException:http://internal.amazon.com/coral/com.amazon.bedrock/');
    expect(await res.json()).toEqual({ message: 'Too many requests, please wait before trying again.' });
    expect((await invoke()).status).toBe(200); // the script was consumed
  });
});

describe('InvokeModelWithResponseStream', () => {
  it('streams Anthropic events as base64 chunks, ending with Bedrock metrics', async () => {
    const res = await invokeStream();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.amazon.eventstream');
    const frames = await readFrames(res);
    for (const f of frames) {
      expect(f.headers).toEqual({ ':event-type': 'chunk', ':content-type': 'application/json', ':message-type': 'event' });
    }
    const events = frames.map(chunkEvent);
    const types = events.map((e) => e.type);
    expect(types[0]).toBe('message_start');
    expect(types[1]).toBe('content_block_start');
    expect(types.slice(-3)).toEqual(['content_block_stop', 'message_delta', 'message_stop']);
    expect(new Set(types.slice(2, -3))).toEqual(new Set(['content_block_delta']));
    expect(types.length - 5).toBeGreaterThan(1); // several deltas

    const start = events[0]!.message as Record<string, unknown>;
    expect(start).toMatchObject({ type: 'message', role: 'assistant', model: 'claude-3-5-sonnet-20241022', content: [], stop_reason: null });
    expect(start.usage).toEqual({ input_tokens: 7, output_tokens: 1 });
    const text = events
      .filter((e) => e.type === 'content_block_delta')
      .map((e) => (e.delta as { type: string; text: string }).text)
      .join('');
    expect(text).toBe('Hello there, this is the Bedrock mock speaking.');
    expect(events.at(-2)).toEqual({ type: 'message_delta', delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: 12 } });
    const metrics = events.at(-1)!['amazon-bedrock-invocationMetrics'] as Record<string, number>;
    expect(metrics).toMatchObject({ inputTokenCount: 7, outputTokenCount: 12 });
    expect(metrics.invocationLatency).toBeGreaterThanOrEqual(metrics.firstByteLatency!);
  });

  it('streams tool_use as input_json_delta fragments', async () => {
    mock.enqueue({ toolCalls: [{ name: 'lookup', arguments: '{"query":"bedrock event streams"}' }] });
    const events = (await readFrames(await invokeStream())).map(chunkEvent);
    const start = events.find((e) => e.type === 'content_block_start')!;
    expect(start.content_block).toMatchObject({ type: 'tool_use', name: 'lookup', input: {} });
    expect((start.content_block as { id: string }).id).toMatch(/^toolu_bdrk_01/);
    const deltas = events.filter((e) => e.type === 'content_block_delta').map((e) => e.delta as { type: string; partial_json: string });
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.every((d) => d.type === 'input_json_delta')).toBe(true);
    expect(JSON.parse(deltas.map((d) => d.partial_json).join(''))).toEqual({ query: 'bedrock event streams' });
    expect(events.find((e) => e.type === 'message_delta')!.delta).toEqual({ stop_reason: 'tool_use', stop_sequence: null });
  });

  it('answers a scripted 429 before the stream starts', async () => {
    mock.enqueue({ status: 429 });
    const res = await invokeStream();
    expect(res.status).toBe(429);
    expect(res.headers.get('x-amzn-errortype')).toMatch(/^ThrottlingException:/);
  });

  it.each(['modelStreamErrorException', 'throttlingException'] as const)('sends a %s message after the first delta', async (exception) => {
    mock.enqueue({ exception, errorMessage: 'boom' });
    const res = await invokeStream();
    expect(res.status).toBe(200);
    const frames = await readFrames(res);
    const last = frames.at(-1)!;
    expect(last.headers).toEqual({ ':exception-type': exception, ':content-type': 'application/json', ':message-type': 'exception' });
    expect(JSON.parse(last.payload.toString('utf8'))).toEqual({ message: 'boom' });
    expect(frames.slice(0, -1).map((f) => chunkEvent(f).type)).toEqual(['message_start', 'content_block_start', 'content_block_delta']);
  });
});
