import type { IrResponse } from '../../ir.js';
import { irToFinishReason } from './map-stop-reason.js';
import { irToUsage } from './map-usage.js';

/**
 * IR answer → OpenAI Chat completion body. All text parts are concatenated into
 * `content` (null when there is only tool calls), reasoning into `reasoning_content`
 * (the DeepSeek field most clients read). Reasoning signatures, redacted reasoning and
 * tool-call signatures are dropped, as is `stopSequence`. A `refusal` answer puts its
 * text in `message.refusal` with `content: null` and finish reason "stop".
 */
export function encodeResponse(ir: IrResponse, opts: { model: string }): Record<string, unknown> {
  let text = '';
  let reasoning = '';
  const calls: Array<Record<string, unknown>> = [];
  for (const p of ir.content) {
    if (p.type === 'text') text += p.text;
    else if (p.type === 'reasoning') reasoning += p.text;
    else calls.push({ id: p.id, type: 'function', function: { name: p.name, arguments: p.arguments } });
  }
  const refused = ir.stopReason === 'refusal' && text !== '';
  const message: Record<string, unknown> = {
    role: 'assistant',
    content: refused || (text === '' && calls.length > 0) ? null : text,
    refusal: refused ? text : null,
  };
  if (reasoning !== '') message.reasoning_content = reasoning;
  if (calls.length > 0) message.tool_calls = calls;

  const body: Record<string, unknown> = {
    id: ir.id,
    object: 'chat.completion',
    created: ir.created,
    model: opts.model,
    choices: [{ index: 0, message, logprobs: null, finish_reason: irToFinishReason(ir.stopReason) }],
  };
  if (ir.usage) body.usage = irToUsage(ir.usage);
  return body;
}
