import { IrInputError, type IrAssistantPart, type IrResponse } from '@switchboard/protocol';
import { finishReasonToIr } from './finish-reason.js';
import { usageToIr } from './usage.js';
import { answerSchema } from './wire.js';

/**
 * Hunyuan answer → IR. Accepts the API 3.0 envelope `{Response: {…}}` and the bare inner
 * object. Reads `Choices[0].Message`; `ReasoningContent` (T1 models) becomes a reasoning
 * part. The id is `Id` (or `RequestId`); the answer names no model, so `model` is "".
 * `Note`, `SearchInfo`, `Replaces` and such are dropped. An answer that is an error
 * (`Response.Error`) is not an answer: the codec's `decodeError` reads it.
 */
export function decodeResponse(body: unknown): IrResponse {
  const inner = typeof body === 'object' && body !== null && 'Response' in body ? (body as { Response: unknown }).Response : body;
  const parsed = answerSchema.safeParse(inner);
  if (!parsed.success || !Array.isArray(parsed.data.Choices)) {
    throw new IrInputError(`not a Hunyuan answer: ${parsed.success ? 'Choices is missing' : (parsed.error.issues[0]?.message ?? 'invalid')}`);
  }
  const a = parsed.data;
  const choice = a.Choices?.[0];
  const m = choice?.Message ?? choice?.Delta;
  const content: IrAssistantPart[] = [];
  if (m?.ReasoningContent) content.push({ type: 'reasoning', text: m.ReasoningContent });
  if (m?.Content) content.push({ type: 'text', text: m.Content });
  m?.ToolCalls?.forEach((c, i) => {
    content.push({ type: 'tool-call', id: c.Id || `call_${i}`, name: c.Function?.Name ?? '', arguments: c.Function?.Arguments || '{}' });
  });
  const sawToolCalls = content.some((p) => p.type === 'tool-call');
  const ir: IrResponse = {
    id: a.Id ?? a.RequestId ?? '',
    model: '',
    created: a.Created ?? Math.floor(Date.now() / 1000),
    content,
    stopReason: finishReasonToIr(choice?.FinishReason, sawToolCalls) ?? (sawToolCalls ? 'tool-calls' : 'end'),
  };
  const usage = a.Usage ? usageToIr(a.Usage) : undefined;
  if (usage) ir.usage = usage;
  return ir;
}
