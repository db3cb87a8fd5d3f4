import { openaiChatCodec, type IrProtocol, type ProtocolCodec } from '@switchboard/protocol';
import { LazyModules } from '../../lib/lazy-modules.js';

/**
 * The codecs of the inbound protocols, loaded on first use: a node that only serves OpenAI
 * callers never loads the Anthropic, Gemini or Responses codecs and their schemas.
 */
const codecs = new LazyModules<IrProtocol, ProtocolCodec>(
  {
    'openai-responses': async () => (await import('@switchboard/protocol/codecs/openai-responses')).openaiResponsesCodec,
    anthropic: async () => (await import('@switchboard/protocol/codecs/anthropic')).anthropicCodec,
    gemini: async () => (await import('@switchboard/protocol/codecs/gemini')).geminiCodec,
  },
  { 'openai-chat': openaiChatCodec },
);

export function loadCodec(protocol: IrProtocol): ProtocolCodec | Promise<ProtocolCodec> {
  return codecs.get(protocol)!;
}
