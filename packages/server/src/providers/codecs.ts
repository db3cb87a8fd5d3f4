import { openaiChatCodec, type IrProtocol, type ProtocolCodec } from '@switchboard/protocol';

/**
 * The codecs of the public protocols, loaded on first use: a node that only serves OpenAI
 * callers never loads the Anthropic, Gemini or Responses codecs and their schemas.
 */
const LOADERS: Record<IrProtocol, () => Promise<ProtocolCodec>> = {
  'openai-chat': async () => openaiChatCodec,
  'openai-responses': async () => (await import('@switchboard/protocol/codecs/openai-responses')).openaiResponsesCodec,
  anthropic: async () => (await import('@switchboard/protocol/codecs/anthropic')).anthropicCodec,
  gemini: async () => (await import('@switchboard/protocol/codecs/gemini')).geminiCodec,
};

const loaded = new Map<IrProtocol, ProtocolCodec>([['openai-chat', openaiChatCodec]]);
const loading = new Map<IrProtocol, Promise<ProtocolCodec>>();

export function loadCodec(protocol: IrProtocol): ProtocolCodec | Promise<ProtocolCodec> {
  const codec = loaded.get(protocol);
  if (codec) return codec;
  let pending = loading.get(protocol);
  if (!pending) {
    pending = LOADERS[protocol]().then((c) => {
      loaded.set(protocol, c);
      return c;
    });
    // A failed import is not cached, so the next request retries it.
    pending.catch(() => loading.delete(protocol));
    loading.set(protocol, pending);
  }
  return pending;
}

/** The codec if it is loaded already (for synchronous callers such as the error handler). */
export function loadedCodec(protocol: IrProtocol): ProtocolCodec | undefined {
  return loaded.get(protocol);
}
