import type { IrRequest, ProtocolCodec } from '@switchboard/protocol';
import { estimateIrPromptTokens } from '../token-estimate.js';

/**
 * A generation request as the caller sent it, in the caller's own protocol. The relay
 * core serves it from any channel: passed through to an upstream of the same protocol,
 * converted through the IR to any other.
 */
export interface InboundRequest {
  /** The caller's protocol: decodes its request, encodes answers, stream events and errors. */
  codec: ProtocolCodec;
  /** Usage-log label: "chat.completions", "messages", "responses", "generateContent". */
  endpoint: string;
  model: string;
  stream: boolean;
  /** OpenAI `stream_options.include_usage`: the caller wants the usage chunk. */
  includeUsage: boolean;
  /** The validated body in the caller's protocol (for same-protocol pass-through). */
  body: Record<string, unknown>;
  /**
   * OpenAI Chat callers: an OpenAI-compatible channel may take the byte-forwarding fast
   * path, which never parses ordinary stream events.
   */
  fastPath: boolean;
  /** The caller's output limit (`max_tokens`, `max_output_tokens`, `maxOutputTokens` …), if any. */
  maxOutputTokens?: number;
  /** Protocol options the caller sent as headers (e.g. `anthropic-beta`), passed on to a same-protocol upstream. */
  passHeaders: Record<string, string>;
  /** The request in IR, decoded once on first use. */
  ir(): IrRequest;
  /** Prompt tokens counted locally, for an upstream that reports no usage. */
  estimatePrompt(): Promise<number>;
}

/**
 * Builds an InboundRequest whose IR is decoded lazily (the fast path never needs it). The
 * prompt estimate defaults to one over the IR.
 */
export function inboundRequest(
  fields: Omit<InboundRequest, 'ir' | 'estimatePrompt' | 'fastPath'> & Partial<Pick<InboundRequest, 'estimatePrompt' | 'fastPath'>>,
  decode: () => IrRequest,
): InboundRequest {
  let ir: IrRequest | undefined;
  const lazy = () => (ir ??= decode());
  return { fastPath: false, estimatePrompt: () => estimateIrPromptTokens(lazy()), ...fields, ir: lazy };
}
