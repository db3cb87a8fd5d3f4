import type { IrProtocol } from '@switchboard/protocol';
import { anthropicAdapter } from './anthropic/anthropic-adapter.js';
import { azureAdapter } from './azure/azure-adapter.js';
import { bedrockAdapter } from './bedrock/bedrock-adapter.js';
import { dashscopeAdapter } from './dashscope/dashscope-adapter.js';
import { hunyuanAdapter } from './hunyuan/hunyuan-adapter.js';
import type { WireProtocol } from './channel-types.js';
import { geminiAdapter } from './gemini/gemini-adapter.js';
import { openaiChatAdapter, openaiResponsesAdapter } from './openai/openai-adapter.js';
import type { ProviderAdapter } from './provider-adapter.js';
import { vertexAdapterFor } from './vertex/vertex-adapter.js';
import { zhipuAdapter } from './zhipu/zhipu-adapter.js';

/**
 * The adapter that serves one attempt: chosen by the channel's wire protocol, and for
 * OpenAI's own API by the caller's protocol too (a Responses caller is passed through to
 * /v1/responses instead of being converted to Chat Completions).
 */
export function adapterFor(protocol: WireProtocol, channelType: string, inbound: IrProtocol, upstreamModel: string): ProviderAdapter | undefined {
  switch (protocol) {
    case 'openai':
      return inbound === 'openai-responses' && channelType === 'openai' ? openaiResponsesAdapter : openaiChatAdapter;
    case 'azure':
      return azureAdapter;
    case 'anthropic':
      return anthropicAdapter;
    case 'gemini':
      return geminiAdapter;
    case 'bedrock':
      return bedrockAdapter;
    case 'vertex':
      // Claude and Gemini share a Vertex channel; the model decides the publisher and protocol.
      return vertexAdapterFor(upstreamModel);
    case 'dashscope':
      return dashscopeAdapter;
    case 'hunyuan':
      return hunyuanAdapter;
    case 'zhipu':
      return zhipuAdapter;
    default:
      return undefined;
  }
}

/** Protocols this build can relay to; channel types needing another are refused at creation. */
export const SUPPORTED_PROTOCOLS: ReadonlySet<WireProtocol> = new Set(['openai', 'azure', 'anthropic', 'gemini', 'bedrock', 'vertex', 'dashscope', 'hunyuan', 'zhipu']);
