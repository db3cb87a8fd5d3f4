import { IrInputError } from '../../ir.js';
import type { IrResponse, IrStopReason } from '../../ir.js';
import { decodeModelParts } from './decode-parts.js';
import { decodeError } from './errors.js';
import { BLOCKED_PROMPT_STOP_REASON, decodeFinishReason } from './map-finish-reason.js';
import { decodeUsage } from './map-usage.js';
import { generateContentResponseSchema, parseWire, type GeminiCandidate } from './schema.js';
import { answerCallId, stableId, unixSeconds } from './values.js';

/**
 * Gemini `GenerateContentResponse` → IR answer.
 *
 * - Only candidate 0 is read (answers with `candidateCount` > 1 lose the others).
 * - `id` = `responseId`, else a hash of the body; `model` = `modelVersion`; `created` =
 *   Vertex `createTime`, else 0 (the Gemini API does not say when).
 * - Function calls without an id get `call_<answer id>_<n>` (n = 1, 2 …), unique across
 *   the turns of a conversation.
 * - A prompt blocked before generation (`promptFeedback.blockReason`, no candidates)
 *   → `content-filter` with empty content.
 * - Model-generated images, code execution parts and grounding / citation / safety
 *   metadata are dropped.
 */
export function decodeResponse(body: unknown): IrResponse {
  const error = decodeError(body);
  if (error) throw new IrInputError(`Gemini returned an error instead of an answer: ${error.message}`);
  const res = parseWire(generateContentResponseSchema, body, 'generateContent response');
  const candidate = firstCandidate(res.candidates);
  const blocked = candidate === undefined && res.promptFeedback?.blockReason !== undefined;
  if (candidate === undefined && !blocked) {
    throw new IrInputError('Invalid Gemini generateContent response: it has no candidates and no promptFeedback.blockReason');
  }

  const id = res.responseId ?? stableId(JSON.stringify(body));
  let calls = 0;
  const content = decodeModelParts(candidate?.content?.parts ?? [], () => answerCallId(id, ++calls));
  const hasToolCalls = content.some((p) => p.type === 'tool-call');
  let stopReason: IrStopReason;
  if (blocked) stopReason = BLOCKED_PROMPT_STOP_REASON;
  else if (candidate?.finishReason !== undefined) stopReason = decodeFinishReason(candidate.finishReason, hasToolCalls);
  else stopReason = hasToolCalls ? 'tool-calls' : 'end';

  const ir: IrResponse = {
    id,
    model: res.modelVersion ?? '',
    created: unixSeconds(res.createTime),
    content,
    stopReason,
  };
  if (res.usageMetadata) ir.usage = decodeUsage(res.usageMetadata);
  return ir;
}

/** The candidate with index 0 (Gemini omits `index` when it is 0), else the first. */
export function firstCandidate(candidates: readonly GeminiCandidate[] | undefined): GeminiCandidate | undefined {
  if (!candidates || candidates.length === 0) return undefined;
  return candidates.find((c) => (c.index ?? 0) === 0) ?? candidates[0];
}
