// Builds the exact wire objects of OpenAI chat completions (non-stream body and
// stream chunks). Field order and null-valued fields follow api.openai.com because
// the gateway's parser is tested against this output.
import type { Plan } from './plan.js';
import { randomId } from './ids.js';
import type { WireUsage } from './usage.js';

const SYSTEM_FINGERPRINT = 'fp_mock';
const DONE_EVENT = 'data: [DONE]\n\n';

/** Identity shared by every chunk of one response. */
export interface ResponseMeta {
  id: string;
  created: number;
  model: string;
  /** One id per planned tool call (scripted or freshly generated). */
  toolCallIds: string[];
}

export function newMeta(plan: Plan, model: string): ResponseMeta {
  return {
    id: randomId('chatcmpl-', 29),
    created: Math.floor(Date.now() / 1000),
    model,
    toolCallIds: plan.toolCalls ? plan.toolCalls.map((c) => c.id ?? randomId('call_', 24)) : [],
  };
}

export function completionBody(meta: ResponseMeta, plan: Plan, usage: WireUsage | undefined): object {
  const message: Record<string, unknown> = { role: 'assistant', content: plan.content, refusal: null };
  if (plan.toolCalls) {
    message.tool_calls = plan.toolCalls.map((c, i) => ({
      id: meta.toolCallIds[i],
      type: 'function',
      function: { name: c.name, arguments: c.arguments },
    }));
  }
  if (plan.reasoning !== undefined) message.reasoning_content = plan.reasoning;
  const body: Record<string, unknown> = {
    id: meta.id,
    object: 'chat.completion',
    created: meta.created,
    model: meta.model,
    system_fingerprint: SYSTEM_FINGERPRINT,
    choices: [{ index: 0, message, logprobs: null, finish_reason: plan.finishReason }],
  };
  if (usage) body.usage = usage;
  return body;
}

/**
 * The `data:` events of a streamed answer, in order: role, reasoning deltas,
 * content or tool-call deltas, finish chunk, optional usage chunk, [DONE].
 * `usage` is set only when the client asked for it (stream_options.include_usage)
 * and the script reports usage; then every chunk carries `"usage": null` as OpenAI does.
 */
export function streamEvents(meta: ResponseMeta, plan: Plan, usage: WireUsage | undefined): string[] {
  const events: string[] = [];
  const chunk = (delta: object, finishReason: string | null = null): void => {
    const c: Record<string, unknown> = {
      id: meta.id,
      object: 'chat.completion.chunk',
      created: meta.created,
      model: meta.model,
      system_fingerprint: SYSTEM_FINGERPRINT,
      choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
    };
    if (usage) c.usage = null;
    events.push(`data: ${JSON.stringify(c)}\n\n`);
  };

  const calls = plan.toolCalls;
  const header = (i: number): object => ({
    index: i,
    id: meta.toolCallIds[i],
    type: 'function',
    function: { name: calls![i]!.name, arguments: '' },
  });

  // OpenAI folds the first tool call's header into the role delta (content: null);
  // a reasoning prelude forces a separate role delta, as DeepSeek sends.
  const foldFirstCall = calls !== undefined && plan.reasoningDeltas.length === 0;
  if (calls === undefined) chunk({ role: 'assistant', content: '', refusal: null });
  else if (foldFirstCall) chunk({ role: 'assistant', content: null, tool_calls: [header(0)], refusal: null });
  else chunk({ role: 'assistant', content: null, refusal: null });

  for (const r of plan.reasoningDeltas) chunk({ reasoning_content: r });
  for (const c of plan.contentDeltas) chunk({ content: c });
  if (calls) {
    calls.forEach((call, i) => {
      if (i > 0 || !foldFirstCall) chunk({ tool_calls: [header(i)] });
      for (const f of call.fragments) chunk({ tool_calls: [{ index: i, function: { arguments: f } }] });
    });
  }
  chunk({}, plan.finishReason);

  if (usage) {
    events.push(
      `data: ${JSON.stringify({
        id: meta.id,
        object: 'chat.completion.chunk',
        created: meta.created,
        model: meta.model,
        system_fingerprint: SYSTEM_FINGERPRINT,
        choices: [],
        usage,
      })}\n\n`,
    );
  }
  events.push(DONE_EVENT);
  return events;
}
