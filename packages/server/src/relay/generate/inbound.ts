import { DroppedFeatures, IrInputError, type IrProtocol, type IrRequest, type ProtocolCodec } from '@switchboard/protocol';
import { countTokens, estimateIrPromptTokens } from '../token-estimate.js';

/** The protocols calls arrive in: the four API protocols, and the chat app's own door. */
export type CallerProtocol = IrProtocol | 'chat';

/**
 * What the relay core needs of the caller's protocol: its name (pass-through and cache keys)
 * and how answers leave in it. Every API protocol's codec is one; the chat door has its own.
 */
export interface CallerCodec extends Pick<ProtocolCodec, 'encodeResponse' | 'createStreamEncoder'> {
  protocol: CallerProtocol;
}

/**
 * A generation request as the caller sent it, in the caller's own protocol. The relay
 * core serves it from any channel: passed through to an upstream of the same protocol,
 * converted through the IR to any other.
 */
export interface InboundRequest {
  /** The caller's protocol: decodes its request, encodes answers, stream events and errors. */
  codec: CallerCodec;
  /** Usage-log label: "chat.completions", "messages", "responses", "generateContent". */
  endpoint: string;
  model: string;
  stream: boolean;
  /** OpenAI `stream_options.include_usage`: the caller wants the usage chunk. */
  includeUsage: boolean;
  /** The body in the caller's protocol, its envelope checked (for same-protocol pass-through). */
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
  /**
   * The request in IR, decoded once on first use (only a converted attempt needs it). Throws
   * IrInputError when the body is malformed beyond its envelope.
   */
  ir(): IrRequest;
  /** What the IR decode left out (unknown roles, block and tool types …); filled by `ir()`. */
  readonly decodeDropped: DroppedFeatures;
  /** Prompt tokens counted locally, for an upstream that reports no usage. */
  estimatePrompt(): Promise<number>;
}

/**
 * Builds an InboundRequest whose IR is decoded lazily (a same-protocol pass-through never
 * needs it); `decode` records what it leaves out in the collector it is given. The prompt
 * estimate defaults to one over the IR, or over the body's JSON when the body does not decode
 * (a pass-through the upstream accepted must still be counted, not fail afterwards).
 */
export function inboundRequest(
  fields: Omit<InboundRequest, 'ir' | 'decodeDropped' | 'estimatePrompt' | 'fastPath'> & Partial<Pick<InboundRequest, 'estimatePrompt' | 'fastPath'>>,
  decode: (dropped: DroppedFeatures) => IrRequest,
): InboundRequest {
  let ir: IrRequest | undefined;
  const decodeDropped = new DroppedFeatures();
  const lazy = () => (ir ??= decode(decodeDropped));
  const estimate = async () => {
    let decoded: IrRequest;
    try {
      decoded = lazy();
    } catch (err) {
      if (err instanceof IrInputError) return countTokens(JSON.stringify(fields.body));
      throw err;
    }
    return estimateIrPromptTokens(decoded);
  };
  return { fastPath: false, estimatePrompt: estimate, ...fields, ir: lazy, decodeDropped };
}
