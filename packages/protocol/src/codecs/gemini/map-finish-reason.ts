import type { IrStopReason } from '../../ir.js';

/**
 * Gemini `Candidate.finishReason` ↔ IR stop reason.
 *
 * Gemini → IR:
 * - `STOP` → `end`, or `tool-calls` when the answer contains function calls (Gemini has
 *   no separate reason for them). Stop sequences also end with `STOP`: `stop-sequence`
 *   is never produced.
 * - `MAX_TOKENS` → `length`.
 * - `SAFETY`, `RECITATION`, `BLOCKLIST`, `PROHIBITED_CONTENT`, `SPII`, `IMAGE_SAFETY`,
 *   `IMAGE_PROHIBITED_CONTENT`, `IMAGE_RECITATION` → `content-filter`.
 * - `MALFORMED_FUNCTION_CALL`, `UNEXPECTED_TOOL_CALL`, `TOO_MANY_TOOL_CALLS`, `LANGUAGE`
 *   (unsupported language), `OTHER`, `NO_IMAGE`, `IMAGE_OTHER` → `error`.
 * - `FINISH_REASON_UNSPECIFIED` and values unknown to this codec → `end` (or
 *   `tool-calls`), so a new Google enum value does not break answers.
 */
const CONTENT_FILTER = new Set([
  'SAFETY',
  'RECITATION',
  'BLOCKLIST',
  'PROHIBITED_CONTENT',
  'SPII',
  'IMAGE_SAFETY',
  'IMAGE_PROHIBITED_CONTENT',
  'IMAGE_RECITATION',
]);

const ERROR = new Set([
  'MALFORMED_FUNCTION_CALL',
  'UNEXPECTED_TOOL_CALL',
  'TOO_MANY_TOOL_CALLS',
  'LANGUAGE',
  'OTHER',
  'NO_IMAGE',
  'IMAGE_OTHER',
]);

export function decodeFinishReason(reason: string, hasToolCalls: boolean): IrStopReason {
  const r = reason.toUpperCase();
  if (r === 'MAX_TOKENS') return 'length';
  if (CONTENT_FILTER.has(r)) return 'content-filter';
  if (ERROR.has(r)) return 'error';
  return hasToolCalls ? 'tool-calls' : 'end';
}

/**
 * IR → Gemini: `end`, `stop-sequence`, `tool-calls` → `STOP`; `length` → `MAX_TOKENS`;
 * `content-filter` and `refusal` (a safety refusal) → `SAFETY`; `error` → `OTHER`.
 */
export function encodeFinishReason(reason: IrStopReason): string {
  switch (reason) {
    case 'end':
    case 'stop-sequence':
    case 'tool-calls':
      return 'STOP';
    case 'length':
      return 'MAX_TOKENS';
    case 'content-filter':
    case 'refusal':
      return 'SAFETY';
    case 'error':
      return 'OTHER';
  }
}

/** The stop reason for a prompt blocked before generation (`promptFeedback.blockReason`). */
export const BLOCKED_PROMPT_STOP_REASON: IrStopReason = 'content-filter';
