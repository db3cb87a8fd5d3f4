// What one successful invocation answers, decided once and rendered either as a
// Message (invoke) or as stream events (invoke-with-response-stream).
import { randomId } from '../ids.js';
import type { MockBedrockScript } from './types.js';
import type { InvokeBody } from './validate.js';

export type PlannedBlock = { type: 'text'; text: string } | { type: 'tool_use'; id: string; name: string; arguments: string };

export interface BedrockPlan {
  id: string;
  model: string;
  blocks: PlannedBlock[];
  stopReason: 'end_turn' | 'tool_use';
  inputTokens: number;
  outputTokens: number;
}

export function planAnswer(modelId: string, body: InvokeBody, script: MockBedrockScript, defaultText: string): BedrockPlan {
  const blocks: PlannedBlock[] = script.toolCalls
    ? script.toolCalls.map((c) => ({ type: 'tool_use', id: c.id ?? randomId('toolu_bdrk_01', 22), name: c.name, arguments: c.arguments }))
    : [{ type: 'text', text: script.text ?? defaultText }];
  const outChars = blocks.reduce((n, b) => n + (b.type === 'text' ? b.text.length : b.name.length + b.arguments.length), 0);
  return {
    id: randomId('msg_bdrk_01', 22),
    model: responseModel(modelId),
    blocks,
    stopReason: script.toolCalls ? 'tool_use' : 'end_turn',
    inputTokens: tokens(textChars(body.system) + textChars(body.messages)),
    outputTokens: tokens(outChars),
  };
}

/** Deterministic stand-in for a tokenizer: ~4 characters a token, at least one. */
const tokens = (chars: number): number => Math.max(1, Math.ceil(chars / 4));

/** Characters of every string under a `text` or `content` key (or bare string), so JSON overhead is not counted. */
function textChars(v: unknown): number {
  if (typeof v === 'string') return v.length;
  if (Array.isArray(v)) return v.reduce((n: number, x) => n + textChars(x), 0);
  if (typeof v !== 'object' || v === null) return 0;
  const o = v as Record<string, unknown>;
  return textChars(o.text) + textChars(o.content);
}

/**
 * Bedrock's Anthropic answers name the model without the Bedrock decorations:
 * `us.anthropic.claude-3-5-sonnet-20241022-v2:0` → `claude-3-5-sonnet-20241022`.
 * An ARN (inference profile, provisioned model) keeps its last path segment.
 */
function responseModel(modelId: string): string {
  const last = modelId.slice(modelId.lastIndexOf('/') + 1);
  return last
    .replace(/^(us|eu|apac|global|us-gov|jp|au|ca)\./, '')
    .replace(/^anthropic\./, '')
    .replace(/-v\d+(:\d+)?$/, '');
}
