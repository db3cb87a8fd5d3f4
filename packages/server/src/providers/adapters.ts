import { LazyModules } from '../lib/lazy-modules.js';
import { azureAdapter } from './azure/azure-adapter.js';
import type { WireProtocol } from './channel-types.js';
import { openaiChatAdapter } from './openai/openai-adapter.js';
import type { ProviderAdapter } from './provider-adapter.js';

/** Picks the adapter of one module for an attempt (Vertex chooses by model). */
type Selector = (upstreamModel: string) => ProviderAdapter;

// Everything but the OpenAI-compatible upstreams (on almost every node's path, loaded with the
// server) is loaded on the first call that needs it: a node that never talks to Bedrock never
// holds its signer, event-stream decoder and the Anthropic codec.
const selectors = new LazyModules<string, Selector>(
  {
    'openai-responses': async () => {
      const { openaiResponsesAdapter } = await import('./openai/responses-adapter.js');
      return () => openaiResponsesAdapter;
    },
    anthropic: async () => {
      const { anthropicAdapter } = await import('./anthropic/anthropic-adapter.js');
      return () => anthropicAdapter;
    },
    gemini: async () => {
      const { geminiAdapter } = await import('./gemini/gemini-adapter.js');
      return () => geminiAdapter;
    },
    bedrock: async () => {
      const { bedrockAdapter } = await import('./bedrock/bedrock-adapter.js');
      return () => bedrockAdapter;
    },
    // Claude and Gemini share a Vertex channel; the model decides the publisher and protocol.
    vertex: async () => (await import('./vertex/vertex-adapter.js')).vertexAdapterFor,
    dashscope: async () => {
      const { dashscopeAdapter } = await import('./dashscope/dashscope-adapter.js');
      return () => dashscopeAdapter;
    },
    hunyuan: async () => {
      const { hunyuanAdapter } = await import('./hunyuan/hunyuan-adapter.js');
      return () => hunyuanAdapter;
    },
    spark: async () => {
      const { sparkAdapter } = await import('./spark/spark-adapter.js');
      return () => sparkAdapter;
    },
    zhipu: async () => {
      const { zhipuAdapter } = await import('./zhipu/zhipu-adapter.js');
      return () => zhipuAdapter;
    },
  },
  { openai: () => openaiChatAdapter, azure: () => azureAdapter },
);

/**
 * The adapter that serves one attempt: chosen by the channel's wire protocol, and for
 * OpenAI's own API by the caller's protocol too (a Responses caller is passed through to
 * /v1/responses instead of being converted to Chat Completions). Synchronous once the
 * adapter's module is loaded; undefined for a protocol this build cannot speak.
 */
export function adapterFor(
  protocol: WireProtocol,
  channelType: string,
  /** The caller's protocol (an IrProtocol, or 'chat' for the chat app). */
  inbound: string,
  upstreamModel: string,
): ProviderAdapter | Promise<ProviderAdapter> | undefined {
  const key = protocol === 'openai' && inbound === 'openai-responses' && channelType === 'openai' ? 'openai-responses' : protocol;
  const selector = selectors.get(key);
  if (selector === undefined) return undefined;
  return selector instanceof Promise ? selector.then((select) => select(upstreamModel)) : selector(upstreamModel);
}

/** Protocols this build can relay to; channel types needing another are refused at creation. */
export const SUPPORTED_PROTOCOLS: ReadonlySet<WireProtocol> = new Set(
  selectors.keys().filter((k) => k !== 'openai-responses') as WireProtocol[],
);
