// A mock of Tencent Hunyuan's native ChatCompletions API (Tencent Cloud API 3.0, version
// 2023-09-01), written from Tencent's reference. Every request's TC3-HMAC-SHA256 signature
// is verified, and failures are answered as Tencent answers them: HTTP 200 with
// `Response.Error` (AuthFailure.SignatureFailure for a bad signature). Streams are
// `data: {…}` events with cumulative Usage, ending at the first non-empty FinishReason.
import type { ServerResponse } from 'node:http';
import { headerValue, sendJsonBody, sendSse, startNativeServer, type NativeCapturedRequest, type NativeMock } from './server.js';
import { DEFAULT_NATIVE_TEXT, MOCK_FAIL_MIDSTREAM_MODEL, MOCK_FAIL_MODEL, pieces, usageOf, type NativeMockOptions } from './script.js';
import { expectedTc3Signature, parseTc3Authorization, sameHex } from './tc3-verify.js';

/** The key the mock accepts when no `apiKeys` are given, in the channel format `SecretId|SecretKey`. */
export const HUNYUAN_MOCK_KEY = 'AKIDmockSecretId0000|mockSecretKey0000';

const NOTE = '以上内容为AI生成，不代表开发者立场，请勿删除或修改本标记';
/** Tencent rejects requests whose timestamp is more than five minutes off. */
const MAX_SKEW_SECONDS = 300;

export interface HunyuanMockOptions extends NativeMockOptions {
  /** Server clock in milliseconds, for the timestamp window (tests pin it). */
  now?: () => number;
}

export function startHunyuanMock(opts: HunyuanMockOptions = {}): Promise<NativeMock> {
  const secrets = new Map<string, string>();
  for (const k of opts.apiKeys ?? [HUNYUAN_MOCK_KEY]) {
    const [id, secret] = k.split('|');
    if (id && secret) secrets.set(id, secret);
  }
  let counter = 0;
  return startNativeServer(opts.port, '', (req, res) => {
    const requestId = `mock-hunyuan-${++counter}`;
    void handle(opts, secrets, requestId, req, res);
  });
}

async function handle(opts: HunyuanMockOptions, secrets: Map<string, string>, requestId: string, req: NativeCapturedRequest, res: ServerResponse): Promise<void> {
  const fail = (code: string, message: string) => sendJsonBody(res, 200, { Response: { Error: { Code: code, Message: message }, RequestId: requestId } });
  if (req.method !== 'POST' || req.path.split('?')[0] !== '/') return sendJsonBody(res, 404, { message: 'Not Found' });

  const authError = verify(opts, secrets, req);
  if (authError) return fail(authError.code, authError.message);
  const action = headerValue(req.headers, 'x-tc-action');
  if (action !== 'ChatCompletions') return fail('InvalidAction', `The action \`${action ?? ''}\` is not valid for this version.`);
  if (headerValue(req.headers, 'x-tc-version') !== '2023-09-01') return fail('NoSuchVersion', 'The requested version does not exist.');

  const body = (typeof req.body === 'object' && req.body !== null ? req.body : {}) as { Model?: unknown; Messages?: unknown; Stream?: unknown };
  if (typeof body.Model !== 'string' || body.Model === '') return fail('MissingParameter', 'The request is missing a required parameter `Model`.');
  if (!Array.isArray(body.Messages) || body.Messages.length === 0) return fail('MissingParameter', 'The request is missing a required parameter `Messages`.');
  if (body.Model === MOCK_FAIL_MODEL) return fail('InvalidParameter', `Model ${body.Model} is not supported.`);

  const answer = new Answer(opts, requestId);
  if (body.Stream !== true) return sendJsonBody(res, 200, { Response: { RequestId: requestId, ...answer.whole() } });
  const events = answer.events(body.Model === MOCK_FAIL_MIDSTREAM_MODEL);
  await sendSse(res, events.map((e) => `data: ${JSON.stringify(e)}\n\n`), { 'x-tc-requestid': requestId });
}

/** Checks the request the way Tencent's gateway does; undefined when it passes. */
function verify(opts: HunyuanMockOptions, secrets: Map<string, string>, req: NativeCapturedRequest): { code: string; message: string } | undefined {
  const auth = parseTc3Authorization(headerValue(req.headers, 'authorization') ?? '');
  if (!auth) return { code: 'AuthFailure.InvalidAuthorization', message: 'Authorization header is not in the TC3-HMAC-SHA256 format.' };
  if (!auth.signedHeaders.includes('content-type') || !auth.signedHeaders.includes('host')) {
    return { code: 'AuthFailure.InvalidAuthorization', message: 'SignedHeaders must include content-type and host.' };
  }
  const timestamp = headerValue(req.headers, 'x-tc-timestamp') ?? '';
  if (!/^\d+$/.test(timestamp)) return { code: 'MissingParameter', message: 'The request is missing a required parameter `X-TC-Timestamp`.' };
  const now = Math.floor((opts.now ?? Date.now)() / 1000);
  if (Math.abs(now - Number(timestamp)) > MAX_SKEW_SECONDS) {
    return { code: 'AuthFailure.SignatureExpire', message: 'Signature expired. Timestamp and server time cannot differ by more than 5 minutes.' };
  }
  const secretKey = secrets.get(auth.secretId);
  if (secretKey === undefined) return { code: 'AuthFailure.SecretIdNotFound', message: 'The SecretId is not found, please ensure that your SecretId is correct.' };
  const headers: Record<string, string> = {};
  for (const h of auth.signedHeaders) headers[h] = headerValue(req.headers, h) ?? '';
  const expected = expectedTc3Signature({
    secretKey,
    method: req.method,
    path: req.path,
    headers,
    signedHeaders: auth.signedHeaders,
    payload: req.rawBody,
    timestamp,
    // The scope's date must be the UTC date of the timestamp, or the signature cannot match.
    date: new Date(Number(timestamp) * 1000).toISOString().slice(0, 10),
    service: 'hunyuan',
  });
  if (!sameHex(expected, auth.signature) || auth.service !== 'hunyuan') {
    return { code: 'AuthFailure.SignatureFailure', message: 'The provided credentials could not be validated. Please check your signature is correct.' };
  }
  return undefined;
}

/** One answer, whole or as stream events. */
class Answer {
  private readonly text: string;
  private readonly usage: { input: number; output: number };
  private readonly created = 1_719_816_830;

  constructor(
    private readonly opts: HunyuanMockOptions,
    private readonly id: string,
  ) {
    this.text = opts.text ?? DEFAULT_NATIVE_TEXT;
    this.usage = usageOf(opts);
  }

  whole(): Record<string, unknown> {
    const message: Record<string, unknown> = { Role: 'assistant', Content: this.text };
    if (this.opts.reasoning !== undefined) message.ReasoningContent = this.opts.reasoning;
    const call = this.opts.toolCall;
    if (call) message.ToolCalls = [{ Id: call.id ?? 'call_mock_0', Type: 'function', Function: { Name: call.name, Arguments: call.arguments } }];
    return { Note: NOTE, Choices: [{ FinishReason: call ? 'tool_calls' : 'stop', Message: message }], Created: this.created, Id: this.id, Usage: this.usageAt(this.usage.output) };
  }

  events(failMidway: boolean): Array<Record<string, unknown>> {
    const deltas: Array<Record<string, unknown>> = [];
    for (const r of pieces(this.opts.reasoning ?? '')) deltas.push({ Role: 'assistant', Content: '', ReasoningContent: r });
    const call = this.opts.toolCall;
    // Tencent's example: the call's id and name first, then its arguments under the same id.
    if (call) {
      const id = call.id ?? 'call_mock_0';
      deltas.push({ Role: 'assistant', Content: '', ToolCalls: [{ Id: id, Type: 'function', Function: { Name: call.name, Arguments: '' } }] });
      deltas.push({ Role: 'assistant', Content: '', ToolCalls: [{ Id: id, Type: 'function', Function: { Name: '', Arguments: call.arguments } }] });
    }
    for (const c of pieces(this.text)) deltas.push({ Role: 'assistant', Content: c });
    const out = deltas.map((d, i) => this.event(d, '', Math.max(1, Math.round((this.usage.output * (i + 1)) / (deltas.length + 1)))));
    if (failMidway) return [...out.slice(0, 1), { Note: NOTE, Choices: [], Created: this.created, Id: this.id, ErrorMsg: { Msg: '请求模型超时', Code: 4001 } }];
    out.push(this.event({ Role: 'assistant', Content: '' }, call ? 'tool_calls' : 'stop', this.usage.output));
    return out;
  }

  private event(delta: Record<string, unknown>, finish: string, output: number): Record<string, unknown> {
    return { Note: NOTE, Choices: [{ FinishReason: finish, Delta: delta }], Created: this.created, Id: this.id, Usage: this.usageAt(output) };
  }

  private usageAt(output: number): Record<string, number> {
    return { PromptTokens: this.usage.input, CompletionTokens: output, TotalTokens: this.usage.input + output };
  }
}
