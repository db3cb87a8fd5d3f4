import { IrInputError, type IrAssistantPart, type IrResponse } from '../../ir.js';
import { describeZodError } from '../../zod-issues.js';
import { finishReasonToIr } from './map-stop-reason.js';
import { usageToIr } from './map-usage.js';
import { responseSchema } from './schema.js';

/**
 * OpenAI Chat answer → IR. Reads `choices[0]` only: with `n > 1` the other choices are
 * dropped. Reasoning comes from `reasoning_content` (DeepSeek, Qwen, vLLM) or `reasoning`
 * (OpenRouter). A `refusal` becomes text with stop reason `refusal`. Logprobs,
 * annotations, audio, `system_fingerprint` and `service_tier` are dropped.
 */
export function decodeResponse(body: unknown): IrResponse {
  const parsed = responseSchema.safeParse(body);
  if (!parsed.success) throw new IrInputError(`not a chat completion: ${describeZodError(parsed.error, { max: 3 })}`);
  const r = parsed.data;
  const choice = r.choices.find((c) => (c.index ?? 0) === 0) ?? r.choices[0];

  const content: IrAssistantPart[] = [];
  let refused = false;
  const m = choice?.message;
  if (m) {
    const reasoning = m.reasoning_content ?? m.reasoning;
    if (reasoning) content.push({ type: 'reasoning', text: reasoning });
    if (typeof m.content === 'string') {
      if (m.content !== '') content.push({ type: 'text', text: m.content });
    } else if (m.content) {
      for (const p of m.content) if (p.type === 'text' && p.text) content.push({ type: 'text', text: p.text });
    }
    if (m.refusal) {
      content.push({ type: 'text', text: m.refusal });
      refused = true;
    }
    m.tool_calls?.forEach((c, i) => {
      content.push({
        type: 'tool-call',
        id: c.id || `call_${i}`,
        name: c.function.name,
        arguments: c.function.arguments || '{}',
      });
    });
    if (m.function_call) {
      content.push({
        type: 'tool-call',
        id: 'call_legacy_0',
        name: m.function_call.name,
        arguments: m.function_call.arguments || '{}',
      });
    }
  }

  const sawToolCalls = content.some((p) => p.type === 'tool-call');
  const ir: IrResponse = {
    id: r.id ?? '',
    model: r.model ?? '',
    created: r.created ?? 0,
    content,
    stopReason: refused ? 'refusal' : finishReasonToIr(choice?.finish_reason ?? 'stop', sawToolCalls),
  };
  const usage = r.usage ? usageToIr(r.usage) : undefined;
  if (usage) ir.usage = usage;
  return ir;
}
