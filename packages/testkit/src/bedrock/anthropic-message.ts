// The Anthropic Messages wire format as Bedrock relays it (Anthropic's API reference):
// a Message object for InvokeModel, and the stream events message_start,
// content_block_start/delta/stop, message_delta and message_stop for
// InvokeModelWithResponseStream. Bedrock sends no `ping` events and appends its
// own invocation metrics to message_stop.
import { splitEvenly, splitOnWords } from '../split.js';
import type { BedrockPlan, PlannedBlock } from './plan.js';

export function messageBody(plan: BedrockPlan): object {
  return {
    id: plan.id,
    type: 'message',
    role: 'assistant',
    model: plan.model,
    content: plan.blocks.map(fullBlock),
    stop_reason: plan.stopReason,
    stop_sequence: null,
    usage: { input_tokens: plan.inputTokens, output_tokens: plan.outputTokens },
  };
}

function fullBlock(b: PlannedBlock): object {
  if (b.type === 'text') return { type: 'text', text: b.text };
  return { type: 'tool_use', id: b.id, name: b.name, input: parseInput(b.arguments) };
}

/** Scripts may hold deliberately broken JSON; the raw text is then kept as a string. */
function parseInput(args: string): unknown {
  try {
    return JSON.parse(args === '' ? '{}' : args);
  } catch {
    return args;
  }
}

export interface StreamEvent {
  type: string;
  [key: string]: unknown;
}

/** Every event of the stream except message_stop, whose metrics depend on timing. */
export function streamEvents(plan: BedrockPlan): StreamEvent[] {
  const events: StreamEvent[] = [
    {
      type: 'message_start',
      message: {
        id: plan.id,
        type: 'message',
        role: 'assistant',
        model: plan.model,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: { input_tokens: plan.inputTokens, output_tokens: 1 },
      },
    },
  ];
  plan.blocks.forEach((b, index) => {
    if (b.type === 'text') {
      events.push({ type: 'content_block_start', index, content_block: { type: 'text', text: '' } });
      for (const text of splitOnWords(b.text, 5)) events.push({ type: 'content_block_delta', index, delta: { type: 'text_delta', text } });
    } else {
      events.push({ type: 'content_block_start', index, content_block: { type: 'tool_use', id: b.id, name: b.name, input: {} } });
      for (const partial_json of splitEvenly(b.arguments, 3)) {
        events.push({ type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json } });
      }
    }
    events.push({ type: 'content_block_stop', index });
  });
  events.push({
    type: 'message_delta',
    delta: { stop_reason: plan.stopReason, stop_sequence: null },
    usage: { output_tokens: plan.outputTokens },
  });
  return events;
}

export interface InvocationMetrics {
  inputTokenCount: number;
  outputTokenCount: number;
  invocationLatency: number;
  firstByteLatency: number;
}

export function messageStop(metrics: InvocationMetrics): StreamEvent {
  return { type: 'message_stop', 'amazon-bedrock-invocationMetrics': metrics };
}
