import type { IrProtocol, ProtocolCodec } from '../ir.js';
import { anthropicCodec } from './anthropic/index.js';
import { geminiCodec } from './gemini/index.js';
import { openaiChatCodec } from './openai-chat/index.js';
import { openaiResponsesCodec } from './openai-responses/index.js';

export { anthropicCodec, geminiCodec, openaiChatCodec, openaiResponsesCodec };

const CODECS: Record<IrProtocol, ProtocolCodec> = {
  'openai-chat': openaiChatCodec,
  'openai-responses': openaiResponsesCodec,
  anthropic: anthropicCodec,
  gemini: geminiCodec,
};

export function codecFor(protocol: IrProtocol): ProtocolCodec {
  return CODECS[protocol];
}
