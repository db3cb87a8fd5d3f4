// A mock of Alibaba DashScope's native generation API, written from the API reference:
// POST /api/v1/services/aigc/{text,multimodal}-generation/generation, Bearer key,
// SSE when `X-DashScope-SSE: enable`. It copies the behaviours clients trip over:
// without `incremental_output: true` every stream event repeats the whole text so far,
// `finish_reason` is the string "null" until the end, and usage is cumulative.
import type { ServerResponse } from 'node:http';
import { headerValue, sendJsonBody, sendSse, startNativeServer, type NativeCapturedRequest, type NativeMock } from './server.js';
import { DEFAULT_NATIVE_TEXT, MOCK_FAIL_MIDSTREAM_MODEL, MOCK_FAIL_MODEL, pieces, usageOf, type NativeMockOptions } from './script.js';

export const DASHSCOPE_TEXT_PATH = '/api/v1/services/aigc/text-generation/generation';
export const DASHSCOPE_MULTIMODAL_PATH = '/api/v1/services/aigc/multimodal-generation/generation';

export type DashscopeMockOptions = NativeMockOptions;

export function startDashscopeMock(opts: DashscopeMockOptions = {}): Promise<NativeMock> {
  let counter = 0;
  return startNativeServer(opts.port, '', (req, res) => {
    const requestId = `mock-dashscope-${++counter}`;
    void handle(opts, requestId, req, res);
  });
}

interface Params {
  result_format?: unknown;
  incremental_output?: unknown;
}

async function handle(opts: DashscopeMockOptions, requestId: string, req: NativeCapturedRequest, res: ServerResponse): Promise<void> {
  const error = (status: number, code: string, message: string) => sendJsonBody(res, status, { code, message, request_id: requestId });
  const multimodal = req.path === DASHSCOPE_MULTIMODAL_PATH;
  if (req.method !== 'POST' || (!multimodal && req.path !== DASHSCOPE_TEXT_PATH)) return error(404, 'NotFound', 'Not Found');
  const auth = headerValue(req.headers, 'authorization') ?? '';
  const key = auth.startsWith('Bearer ') ? auth.slice(7) : '';
  if (key === '' || (opts.apiKeys && !opts.apiKeys.includes(key))) return error(401, 'InvalidApiKey', 'Invalid API-key provided.');

  const body = (typeof req.body === 'object' && req.body !== null ? req.body : {}) as { model?: unknown; input?: { messages?: unknown }; parameters?: Params };
  const messages = body.input?.messages;
  if (typeof body.model !== 'string' || body.model === '') return error(400, 'InvalidParameter', 'Model not specified.');
  if (!Array.isArray(messages) || messages.length === 0) return error(400, 'InvalidParameter', 'Input messages should not be empty.');
  if (multimodal && messages.some((m) => !Array.isArray((m as { content?: unknown }).content))) {
    return error(400, 'InvalidParameter', 'The content of multimodal messages must be a list.');
  }
  if (body.model === MOCK_FAIL_MODEL) return error(400, 'InvalidParameter', 'Model not exist.');

  const params = body.parameters ?? {};
  const answer = new Answer(opts, requestId, multimodal, params.result_format === 'message');
  const streaming = headerValue(req.headers, 'x-dashscope-sse') === 'enable' || /text\/event-stream/.test(headerValue(req.headers, 'accept') ?? '');
  if (!streaming) return sendJsonBody(res, 200, answer.whole());
  const incremental = params.incremental_output === true;
  const frames = answer.events(incremental, body.model === MOCK_FAIL_MIDSTREAM_MODEL);
  await sendSse(res, frames.map((f, i) => `id:${i + 1}\nevent:${f.event}\n:HTTP_STATUS/${f.status}\ndata:${JSON.stringify(f.data)}\n\n`));
}

/** One answer, whole or as stream events. */
class Answer {
  private readonly text: string;
  private readonly usage: { input: number; output: number; cached: number };

  constructor(
    private readonly opts: DashscopeMockOptions,
    private readonly requestId: string,
    private readonly multimodal: boolean,
    private readonly messageFormat: boolean,
  ) {
    this.text = opts.text ?? DEFAULT_NATIVE_TEXT;
    this.usage = usageOf(opts);
  }

  whole(): Record<string, unknown> {
    const call = this.opts.toolCall;
    return this.body(
      { content: this.text, reasoning: this.opts.reasoning ?? '', calls: call ? [this.call(call.name, call.arguments, true)] : undefined },
      call ? 'tool_calls' : 'stop',
      this.usage.output,
    );
  }

  /** Stream events; `incremental: false` repeats everything so far in each, as DashScope does. */
  events(incremental: boolean, failMidway: boolean): Array<{ event: string; status: number; data: unknown }> {
    const steps: Array<{ reasoning?: string; content?: string; args?: string; first?: boolean }> = [];
    for (const r of pieces(this.opts.reasoning ?? '')) steps.push({ reasoning: r });
    for (const c of pieces(this.text)) steps.push({ content: c });
    const call = this.opts.toolCall;
    if (call) pieces(call.arguments, 2).forEach((a, i) => steps.push({ args: a, first: i === 0 }));
    const out: Array<{ event: string; status: number; data: unknown }> = [];
    let reasoning = '';
    let content = '';
    let args = '';
    steps.forEach((s, i) => {
      reasoning += s.reasoning ?? '';
      content += s.content ?? '';
      args += s.args ?? '';
      const output = Math.max(1, Math.round((this.usage.output * (i + 1)) / (steps.length + 1)));
      const calls =
        s.args === undefined ? undefined : [incremental ? this.call(s.first ? call!.name : '', s.args, s.first === true) : this.call(call!.name, args, true)];
      const delta = incremental
        ? { content: s.content ?? '', reasoning: s.reasoning ?? '', calls }
        : { content, reasoning, calls };
      out.push({ event: 'result', status: 200, data: this.body(delta, 'null', output) });
    });
    if (failMidway) {
      return [
        ...out.slice(0, 1),
        { event: 'error', status: 500, data: { code: 'InternalError.Algo', message: 'An internal error has occured, please try again later.', request_id: this.requestId } },
      ];
    }
    const last = incremental ? { content: '', reasoning: '' } : { content, reasoning };
    out.push({ event: 'result', status: 200, data: this.body(last, call ? 'tool_calls' : 'stop', this.usage.output) });
    return out;
  }

  private call(name: string, args: string, first: boolean): Record<string, unknown> {
    return { index: 0, id: first ? (this.opts.toolCall?.id ?? 'call_mock_0') : '', type: 'function', function: first ? { name, arguments: args } : { arguments: args } };
  }

  private body(part: { content: string; reasoning: string; calls?: unknown[] | undefined }, finish: string, output: number): Record<string, unknown> {
    const usage: Record<string, unknown> = { input_tokens: this.usage.input, output_tokens: output, total_tokens: this.usage.input + output };
    if (this.usage.cached > 0) usage.prompt_tokens_details = { cached_tokens: this.usage.cached };
    if (!this.messageFormat) return { output: { text: part.content, finish_reason: finish }, usage, request_id: this.requestId };
    const message: Record<string, unknown> = { role: 'assistant', content: this.multimodal ? [{ text: part.content }] : part.content };
    if (this.opts.reasoning !== undefined) message.reasoning_content = part.reasoning;
    if (part.calls) message.tool_calls = part.calls;
    return { output: { choices: [{ finish_reason: finish, message }] }, usage, request_id: this.requestId };
  }
}
