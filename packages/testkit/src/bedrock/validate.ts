// Checks an InvokeModel body for Anthropic models the way Bedrock's JSON schema does.
// On Bedrock the model travels in the URL and streaming in the operation, so a body
// copied from the Anthropic API unchanged (`model`, `stream`) is rejected.
import { validationError, type BedrockError } from './errors.js';

const ANTHROPIC_VERSION = 'bedrock-2023-05-31';

export interface InvokeBody {
  messages: unknown[];
  system?: unknown;
}

export function validateBody(body: unknown): { ok: InvokeBody } | { error: BedrockError } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { error: validationError('#: expected type: JSONObject, found: ' + (Array.isArray(body) ? 'JSONArray' : typeof body)) };
  }
  const b = body as Record<string, unknown>;
  for (const key of ['model', 'stream']) {
    if (key in b) return { error: validationError(`#: extraneous key [${key}] is not permitted`) };
  }
  for (const key of ['anthropic_version', 'max_tokens', 'messages']) {
    if (!(key in b)) return { error: validationError(`#: required key [${key}] not found`) };
  }
  if (b.anthropic_version !== ANTHROPIC_VERSION) {
    return { error: validationError(`#/anthropic_version: ${JSON.stringify(b.anthropic_version)} is not a valid enum value`) };
  }
  if (typeof b.max_tokens !== 'number' || !Number.isInteger(b.max_tokens) || b.max_tokens < 1) {
    return { error: validationError('#/max_tokens: expected a positive integer') };
  }
  if (!Array.isArray(b.messages) || b.messages.length === 0) {
    return { error: validationError('#/messages: expected minimum item count: 1') };
  }
  return { ok: { messages: b.messages, system: b.system } };
}
