import type { IrResponse } from '../../ir.js';
import { encodeAssistantParts } from './encode-parts.js';
import { encodeFinishReason } from './map-finish-reason.js';
import { encodeUsage } from './map-usage.js';
import type { JsonObject } from './values.js';

/**
 * IR answer → Gemini `GenerateContentResponse` (one candidate, index 0).
 *
 * - `modelVersion` is the model name the caller asked for; `responseId` is the IR id.
 * - Tool calls carry their IR id in `functionCall.id` (Gemini clients echo it in
 *   `functionResponse.id`, which decode-request.ts honours).
 * - Reasoning is shown as `thought: true` parts (signed or not); redacted reasoning and
 *   `stopSequence` are dropped; `end`/`stop-sequence`/`tool-calls` all become `STOP`,
 *   `refusal` becomes `SAFETY`.
 * - `cacheWrite` usage has no Gemini field (it stays inside `promptTokenCount`).
 */
export function encodeResponse(ir: IrResponse, opts: { model: string }): Record<string, unknown> {
  const parts = encodeAssistantParts(ir.content, { callIds: true, unsignedReasoning: 'thought' });
  const body: JsonObject = {
    candidates: [{ content: { parts, role: 'model' }, finishReason: encodeFinishReason(ir.stopReason), index: 0 }],
  };
  if (ir.usage) body.usageMetadata = encodeUsage(ir.usage);
  body.modelVersion = opts.model;
  body.responseId = ir.id;
  return body;
}
