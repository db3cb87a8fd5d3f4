import type { IrAssistantPart, IrResponse, IrUsage } from '../../ir.js';
import { parseOrThrow } from './errors.js';
import { stopReasonFromStatus } from './map-status.js';
import {
  functionCallItemSchema,
  outputMessageSchema,
  reasoningItemSchema,
  responseSchema,
  type ResponsesWireUsage,
} from './schema.js';

/**
 * Response object → IrResponse.
 *
 * Output items convert in order: `reasoning` → a reasoning part (summaries joined by a blank
 * line — or the raw `content` text when there is no summary — with `encrypted_content` as the
 * signature), `message` → ONE text part holding all its output_text and refusal parts
 * (annotations and logprobs are dropped), `function_call` → a tool call (`call_id` is the IR
 * id). Built-in tool items (web_search_call, file_search_call …) have no IR form and are
 * skipped. The stop reason comes from `status` and the output (see map-status.ts).
 */
export function decodeResponse(body: unknown): IrResponse {
  const res = parseOrThrow(responseSchema, body);
  const content: IrAssistantPart[] = [];
  let hasToolCalls = false;
  let hasRefusal = false;

  res.output.forEach((raw, i) => {
    const path = `output.${i}`;
    if (raw.type === 'reasoning') {
      const item = parseOrThrow(reasoningItemSchema, raw, path);
      const text = reasoningText(item.summary ?? [], item.content ?? []);
      if (text === '' && !item.encrypted_content) return;
      content.push({ type: 'reasoning', text, ...(item.encrypted_content ? { signature: item.encrypted_content } : {}) });
    } else if (raw.type === 'message') {
      const item = parseOrThrow(outputMessageSchema, raw, path);
      let text = '';
      for (const part of item.content) {
        if (part.type === 'output_text' && typeof part.text === 'string') text += part.text;
        else if (part.type === 'refusal' && typeof part.refusal === 'string') {
          text += part.refusal;
          hasRefusal = true;
        }
      }
      if (text !== '') content.push({ type: 'text', text });
    } else if (raw.type === 'function_call') {
      const item = parseOrThrow(functionCallItemSchema, raw, path);
      hasToolCalls = true;
      content.push({ type: 'tool-call', id: item.call_id, name: item.name, arguments: item.arguments || '{}' });
    }
  });

  const ir: IrResponse = {
    id: res.id,
    model: res.model,
    created: res.created_at,
    content,
    stopReason: stopReasonFromStatus({
      status: res.status,
      incompleteReason: res.incomplete_details?.reason,
      hasToolCalls,
      hasRefusal,
    }),
  };
  if (res.usage) ir.usage = decodeUsage(res.usage);
  return ir;
}

/** Summary parts joined by a blank line; the raw reasoning text when there is no summary. */
export function reasoningText(summary: Array<{ text: string }>, raw: Array<{ text: string }>): string {
  const parts = summary.map((s) => s.text).filter((t) => t !== '');
  return parts.length > 0 ? parts.join('\n\n') : raw.map((c) => c.text).join('');
}

/** Detail counts are kept only when positive, so an answer without caching has no `cachedInput: 0`. */
export function decodeUsage(u: ResponsesWireUsage): IrUsage {
  const usage: IrUsage = { input: u.input_tokens, output: u.output_tokens };
  const cached = u.input_tokens_details?.cached_tokens;
  const cacheWrite = u.input_tokens_details?.cache_write_tokens;
  const reasoning = u.output_tokens_details?.reasoning_tokens;
  if (cached) usage.cachedInput = cached;
  if (cacheWrite) usage.cacheWrite = cacheWrite;
  if (reasoning) usage.reasoning = reasoning;
  return usage;
}
