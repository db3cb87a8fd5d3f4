import type { IrStreamEncoder, IrStreamEncoderOptions, IrStreamEvent, IrUsage } from '../../ir.js';
import { SSE_DONE, sseData } from '../../sse.js';
import { irToFinishReason } from './map-stop-reason.js';
import { irToUsage } from './map-usage.js';

/** Stands in for a missing `start` event (callers should always send one first). */
const FALLBACK_ID = 'chatcmpl-switchboard';

/**
 * IR events → OpenAI Chat `chat.completion.chunk` frames.
 *
 * Every chunk shares the id/created of `start` and shows `opts.model`; the common head of
 * the JSON is built once, each frame then costs one string concatenation and a
 * `JSON.stringify` of the delta text.
 *
 * - `start` → `delta: {role: "assistant", content: ""}`.
 * - text → `delta.content`; reasoning → `delta.reasoning_content`; reasoning signatures
 *   and redacted reasoning are dropped.
 * - A tool call gets `tool_calls[].index` = its position among the answer's tool calls;
 *   the start carries id, type and name with `arguments: ""`, deltas carry arguments.
 *   Tool-call signatures are dropped.
 * - `finish` → an empty delta with `finish_reason` (once). A finish with stop reason
 *   `error` has no OpenAI finish reason: it is sent as an error event instead.
 * - `usage` is held back and sent once, as the last chunk before `[DONE]`
 *   (`choices: []`), and only when `includeUsage`; several usage events (Anthropic
 *   reports input first, output at the end) collapse into the last one.
 * - `error` → `data: {"error": {message, type, code}}`; later events are ignored.
 * - `end()` → the usage chunk if due, then `data: [DONE]`, exactly once.
 */
export function createStreamEncoder(opts: IrStreamEncoderOptions): IrStreamEncoder {
  const model = JSON.stringify(opts.model);
  /** `{"id":…,"object":"chat.completion.chunk","created":…,"model":…,"choices":[` */
  let head = '';
  let finished = false;
  let errored = false;
  let ended = false;
  let usage: IrUsage | undefined;
  /** IR part index of each tool call → its OpenAI `tool_calls[].index`. */
  const toolIndex = new Map<number, number>();

  function open(id: string, created: number): string {
    head = `{"id":${JSON.stringify(id)},"object":"chat.completion.chunk","created":${created},"model":${model},"choices":[`;
    return frame('{"role":"assistant","content":""}', 'null');
  }

  /** One chunk with choice 0; `finish` is the JSON of `finish_reason`. */
  function frame(delta: string, finish: string): string {
    return `data: ${head}{"index":0,"delta":${delta},"logprobs":null,"finish_reason":${finish}}]}\n\n`;
  }

  /** Prepends the opening chunk when content arrives without a `start`. */
  function opened(): string {
    return head === '' ? open(FALLBACK_ID, 0) : '';
  }

  function error(message: string, code: string | undefined): string {
    errored = true;
    return sseData(JSON.stringify({ error: { message, type: 'server_error', code: code ?? null } }));
  }

  return {
    push(e: IrStreamEvent): string {
      if (errored || ended) return '';
      switch (e.type) {
        case 'start':
          return head === '' ? open(e.id, e.created) : '';
        case 'text-delta':
          return e.text === '' ? '' : opened() + frame(`{"content":${JSON.stringify(e.text)}}`, 'null');
        case 'reasoning-delta':
          return e.text === '' ? '' : opened() + frame(`{"reasoning_content":${JSON.stringify(e.text)}}`, 'null');
        case 'reasoning-signature':
        case 'redacted-reasoning':
          return '';
        case 'tool-call-start': {
          const k = toolIndex.size;
          toolIndex.set(e.index, k);
          const call = `{"index":${k},"id":${JSON.stringify(e.id)},"type":"function","function":{"name":${JSON.stringify(e.name)},"arguments":""}}`;
          return opened() + frame(`{"tool_calls":[${call}]}`, 'null');
        }
        case 'tool-call-delta': {
          const k = toolIndex.get(e.index);
          if (k === undefined || e.arguments === '') return '';
          return frame(`{"tool_calls":[{"index":${k},"function":{"arguments":${JSON.stringify(e.arguments)}}}]}`, 'null');
        }
        case 'finish': {
          if (finished) return '';
          finished = true;
          if (e.stopReason === 'error') return opened() + error('the upstream provider ended the answer abnormally', undefined);
          return opened() + frame('{}', `"${irToFinishReason(e.stopReason)}"`);
        }
        case 'usage':
          usage = e.usage;
          return '';
        case 'error':
          return error(e.message, e.code);
      }
    },

    end(): string {
      if (ended) return '';
      ended = true;
      let out = '';
      if (opts.includeUsage && usage && !errored && head !== '') {
        out += `data: ${head}],"usage":${JSON.stringify(irToUsage(usage))}}\n\n`;
      }
      return out + SSE_DONE;
    },
  };
}
