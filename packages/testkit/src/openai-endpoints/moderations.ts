// POST /v1/moderations: one result per input (a string, strings, or one multimodal
// array). Nothing is flagged unless the text contains FLAG_MARKER, which flags
// "violence", so tests can exercise both outcomes deterministically.
import { randomId } from '../ids.js';
import { invalidParameter, missingParameter } from './errors.js';
import { sendError, sendJson } from './reply.js';
import { str, type Endpoint } from './context.js';

export const FLAG_MARKER = 'flag-me';

// The categories omni-moderation models report (text-moderation models lack the illicit ones).
const CATEGORIES = [
  'harassment',
  'harassment/threatening',
  'hate',
  'hate/threatening',
  'illicit',
  'illicit/violent',
  'self-harm',
  'self-harm/intent',
  'self-harm/instructions',
  'sexual',
  'sexual/minors',
  'violence',
  'violence/graphic',
] as const;

export const moderations: Endpoint = {
  body: 'json',
  handle({ res, body }) {
    if (body.input === undefined) return sendError(res, missingParameter('input'));
    const texts = inputTexts(body.input);
    if (!texts) return sendError(res, invalidParameter('input', "'$.input' is invalid. Please check the API reference: https://platform.openai.com/docs/api-reference."));
    const model = str(body, 'model') ?? 'omni-moderation-latest';
    sendJson(res, 200, { id: randomId('modr-', 24), model, results: texts.map((t) => result(t, model.startsWith('omni-'))) });
  },
};

/** One text per result: strings stand alone, a multimodal array is one input. */
function inputTexts(input: unknown): string[] | undefined {
  if (typeof input === 'string') return [input];
  if (!Array.isArray(input) || input.length === 0) return undefined;
  if (input.every((x) => typeof x === 'string')) return input as string[];
  const parts = input.map((p) => (typeof p === 'object' && p !== null ? (p as Record<string, unknown>) : undefined));
  if (parts.some((p) => p === undefined || (p.type !== 'text' && p.type !== 'image_url'))) return undefined;
  return [parts.map((p) => (typeof p?.text === 'string' ? p.text : '')).join(' ')];
}

function result(text: string, omni: boolean): object {
  const flagged = text.toLowerCase().includes(FLAG_MARKER);
  const categories: Record<string, boolean> = {};
  const scores: Record<string, number> = {};
  const applied: Record<string, string[]> = {};
  for (const c of CATEGORIES) {
    const hit = flagged && c === 'violence';
    categories[c] = hit;
    scores[c] = hit ? 0.97 : 0.00001;
    applied[c] = hit ? ['text'] : [];
  }
  return omni
    ? { flagged, categories, category_scores: scores, category_applied_input_types: applied }
    : { flagged, categories, category_scores: scores };
}
