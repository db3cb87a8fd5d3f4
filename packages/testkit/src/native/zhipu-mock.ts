// A mock of Zhipu GLM's (BigModel) v4 chat API, written from Zhipu's docs: POST
// /api/paas/v4/chat/completions, OpenAI-shaped bodies with Zhipu's additions
// (`request_id`, `reasoning_content`, tool calls sent whole), `data: [DONE]` at the end of
// streams, and errors as `{error: {code, message}}` with Zhipu's numeric string codes.
// Auth: a Bearer JWT signed with the key's secret (verified), or the raw `id.secret` key.
import type { ServerResponse } from 'node:http';
import { headerValue, sendJsonBody, sendSse, startNativeServer, type NativeCapturedRequest, type NativeMock } from './server.js';
import { DEFAULT_NATIVE_TEXT, MOCK_FAIL_MIDSTREAM_MODEL, MOCK_FAIL_MODEL, pieces, usageOf, type NativeMockOptions } from './script.js';
import { verifyZhipuJwt } from './zhipu-jwt-verify.js';

export const ZHIPU_CHAT_PATH = '/api/paas/v4/chat/completions';
/** The key the mock accepts when no `apiKeys` are given (`id.secret`). */
export const ZHIPU_MOCK_KEY = 'mockid0000000000000000000000000000.mockSecret000000';

export interface ZhipuMockOptions extends NativeMockOptions {
  /** Refuse raw keys as Bearer tokens and accept only signed JWTs. */
  requireJwt?: boolean;
  /** Server clock in milliseconds, for token expiry. */
  now?: () => number;
}

export function startZhipuMock(opts: ZhipuMockOptions = {}): Promise<NativeMock> {
  const keys = opts.apiKeys ?? [ZHIPU_MOCK_KEY];
  const secrets = new Map<string, string>();
  for (const k of keys) {
    const [id, secret] = k.split('.');
    if (id && secret) secrets.set(id, secret);
  }
  let counter = 0;
  return startNativeServer(opts.port, '/api/paas/v4', (req, res) => {
    const id = `mock-zhipu-${++counter}`;
    void handle(opts, keys, secrets, id, req, res);
  });
}

async function handle(
  opts: ZhipuMockOptions,
  keys: string[],
  secrets: Map<string, string>,
  id: string,
  req: NativeCapturedRequest,
  res: ServerResponse,
): Promise<void> {
  const error = (status: number, code: string, message: string) => sendJsonBody(res, status, { error: { code, message } });
  if (req.method !== 'POST' || req.path !== ZHIPU_CHAT_PATH) return error(404, '1222', `API ${req.path} 不存在`);
  const auth = headerValue(req.headers, 'authorization') ?? '';
  const token = auth.startsWith('Bearer ') ? auth.slice(7).trim() : '';
  if (token === '') return error(401, '1001', 'Header中未收到Authentication参数，无法进行身份验证。');
  if (!keys.includes(token) || opts.requireJwt) {
    const check = verifyZhipuJwt(token, secrets, (opts.now ?? Date.now)());
    if (!check.ok) return error(401, check.code, check.message);
  }

  const body = (typeof req.body === 'object' && req.body !== null ? req.body : {}) as { model?: unknown; messages?: unknown; stream?: unknown };
  if (typeof body.model !== 'string' || body.model === '') return error(400, '1214', 'model 参数非法。请检查文档。');
  if (!Array.isArray(body.messages) || body.messages.length === 0) return error(400, '1214', 'messages 参数非法。请检查文档。');
  if (body.model === MOCK_FAIL_MODEL) return error(400, '1211', '模型不存在，请检查模型代码。');

  const answer = new Answer(opts, id, body.model);
  if (body.stream !== true) return sendJsonBody(res, 200, answer.whole());
  await sendSse(res, [...answer.chunks(body.model === MOCK_FAIL_MIDSTREAM_MODEL).map((c) => `data: ${JSON.stringify(c)}\n\n`), 'data: [DONE]\n\n']);
}

class Answer {
  private readonly text: string;
  private readonly usage: { input: number; output: number; cached: number };
  private readonly created = 1_706_092_316;

  constructor(
    private readonly opts: ZhipuMockOptions,
    private readonly id: string,
    private readonly model: string,
  ) {
    this.text = opts.text ?? DEFAULT_NATIVE_TEXT;
    this.usage = usageOf(opts);
  }

  whole(): Record<string, unknown> {
    const message: Record<string, unknown> = { role: 'assistant', content: this.text };
    if (this.opts.reasoning !== undefined) message.reasoning_content = this.opts.reasoning;
    const calls = this.calls();
    if (calls) message.tool_calls = calls;
    return {
      id: this.id,
      request_id: this.id,
      created: this.created,
      model: this.model,
      choices: [{ index: 0, finish_reason: calls ? 'tool_calls' : 'stop', message }],
      usage: this.wireUsage(),
    };
  }

  /** Stream chunks; usage rides on the last one, as Zhipu sends it. */
  chunks(failMidway: boolean): Array<Record<string, unknown>> {
    const deltas: Array<Record<string, unknown>> = [];
    for (const r of pieces(this.opts.reasoning ?? '')) deltas.push({ role: 'assistant', reasoning_content: r });
    for (const c of pieces(this.text)) deltas.push({ role: 'assistant', content: c });
    const calls = this.calls();
    // Zhipu streams a tool call whole, in one chunk.
    if (calls) deltas.push({ role: 'assistant', tool_calls: calls });
    const out = deltas.map((delta) => this.chunk({ index: 0, delta }));
    if (failMidway) return [...out.slice(0, 1), { error: { code: '1234', message: `网络错误，错误id：${this.id}，请联系客服` } }];
    out.push({ ...this.chunk({ index: 0, finish_reason: calls ? 'tool_calls' : 'stop', delta: { role: 'assistant', content: '' } }), usage: this.wireUsage() });
    return out;
  }

  private chunk(choice: Record<string, unknown>): Record<string, unknown> {
    return { id: this.id, created: this.created, model: this.model, choices: [choice] };
  }

  private calls(): unknown[] | undefined {
    const call = this.opts.toolCall;
    return call ? [{ id: call.id ?? 'call_mock_0', index: 0, type: 'function', function: { name: call.name, arguments: call.arguments } }] : undefined;
  }

  private wireUsage(): Record<string, unknown> {
    const u = this.usage;
    const usage: Record<string, unknown> = { prompt_tokens: u.input, completion_tokens: u.output, total_tokens: u.input + u.output };
    if (u.cached > 0) usage.prompt_tokens_details = { cached_tokens: u.cached };
    return usage;
  }
}
