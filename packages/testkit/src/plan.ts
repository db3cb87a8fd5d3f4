// Turns a MockScript into the concrete pieces of one answer. The plan depends only
// on the script, so it is cached per script object: the load-test CLI answers every
// request from the same defaults and should not re-split the text each time.
import type { MockScript } from './types.js';
import { splitEvenly, splitOnWords } from './split.js';

export const DEFAULT_TEXT = 'Hello! This is a mock answer from the upstream.';
/** Content and reasoning are cut into about this many deltas. */
const TEXT_DELTAS = 5;
/** Each tool call's arguments are cut into at most this many fragments. */
const ARGUMENT_FRAGMENTS = 4;

interface PlannedToolCall {
  /** Undefined when the script gave none; a fresh `call_…` id is made per response. */
  id: string | undefined;
  name: string;
  arguments: string;
  fragments: string[];
  /**
   * The arguments as an object, for protocols that send tool input as JSON rather
   * than text (Anthropic tool_use.input, Gemini functionCall.args). Arguments that
   * are not a JSON object give {}: those protocols cannot carry them.
   */
  input: Record<string, unknown>;
}

export interface Plan {
  /** Full answer text, or null when answering with tool calls. */
  content: string | null;
  contentDeltas: string[];
  reasoning: string | undefined;
  reasoningDeltas: string[];
  toolCalls: PlannedToolCall[] | undefined;
  finishReason: string;
}

const cache = new WeakMap<MockScript, Plan>();

export function planFor(script: MockScript): Plan {
  let plan = cache.get(script);
  if (!plan) {
    plan = buildPlan(script);
    cache.set(script, plan);
  }
  return plan;
}

function buildPlan(script: MockScript): Plan {
  const reasoning = script.reasoning;
  const reasoningDeltas = reasoning === undefined ? [] : splitOnWords(reasoning, TEXT_DELTAS);
  if (script.toolCalls && script.toolCalls.length > 0) {
    return {
      content: null,
      contentDeltas: [],
      reasoning,
      reasoningDeltas,
      toolCalls: script.toolCalls.map((c) => ({
        id: c.id,
        name: c.name,
        arguments: c.arguments,
        fragments: splitEvenly(c.arguments, ARGUMENT_FRAGMENTS),
        input: parseInput(c.arguments),
      })),
      finishReason: script.finishReason ?? 'tool_calls',
    };
  }
  const contentDeltas = script.chunks ?? splitOnWords(script.text ?? DEFAULT_TEXT, TEXT_DELTAS);
  return {
    content: script.chunks ? script.chunks.join('') : (script.text ?? DEFAULT_TEXT),
    contentDeltas,
    reasoning,
    reasoningDeltas,
    toolCalls: undefined,
    finishReason: script.finishReason ?? 'stop',
  };
}

function parseInput(args: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(args);
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {
    // Deliberately malformed arguments (robustness tests) only reach text protocols intact.
  }
  return {};
}
