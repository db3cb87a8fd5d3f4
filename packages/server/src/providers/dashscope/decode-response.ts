import { IrInputError, type IrAssistantPart, type IrResponse } from '@switchboard/protocol';
import { finishReasonToIr } from './finish-reason.js';
import { contentText } from './message-content.js';
import { usageToIr } from './usage.js';
import { answerSchema } from './wire.js';

/**
 * DashScope native answer → IR. Reads `output.choices[0]` (or the `output.text` of a
 * `result_format: "text"` answer). The id is `request_id`; DashScope answers carry no
 * model and no creation time, so `model` is "" (encoders show the caller's model) and
 * `created` is the decode time. `search_info`, `logprobs` and such are dropped.
 */
export function decodeResponse(body: unknown): IrResponse {
  const parsed = answerSchema.safeParse(body);
  if (!parsed.success) throw new IrInputError(`not a DashScope answer: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  const a = parsed.data;
  const choice = a.output.choices?.[0];
  const content: IrAssistantPart[] = [];
  let reason = a.output.finish_reason;
  if (choice) {
    const m = choice.message;
    if (m?.reasoning_content) content.push({ type: 'reasoning', text: m.reasoning_content });
    const text = contentText(m?.content);
    if (text !== '') content.push({ type: 'text', text });
    m?.tool_calls?.forEach((c, i) => {
      content.push({
        type: 'tool-call',
        id: c.id || `call_${i}`,
        name: c.function?.name ?? '',
        arguments: c.function?.arguments || '{}',
      });
    });
    reason = choice.finish_reason;
  } else if (a.output.text) {
    content.push({ type: 'text', text: a.output.text });
  }
  const sawToolCalls = content.some((p) => p.type === 'tool-call');
  const ir: IrResponse = {
    id: a.request_id ?? '',
    model: '',
    created: Math.floor(Date.now() / 1000),
    content,
    stopReason: finishReasonToIr(reason, sawToolCalls) ?? (sawToolCalls ? 'tool-calls' : 'end'),
  };
  const usage = a.usage ? usageToIr(a.usage) : undefined;
  if (usage) ir.usage = usage;
  return ir;
}
