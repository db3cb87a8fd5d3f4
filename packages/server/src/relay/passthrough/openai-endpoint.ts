import { adapterFor } from '../../providers/adapters.js';
import { channelTypeById } from '../../providers/channel-types.js';
import type { ProviderAdapter, UpstreamRequest } from '../../providers/provider-adapter.js';
import type { Attempt } from '../routing/router.js';

/**
 * The OpenAI-compatible adapter of a channel (OpenAI, the compatible vendors, Azure),
 * retargeted from /chat/completions to another OpenAI endpoint. Undefined for channels of
 * other protocols: they cannot serve embeddings, audio, images … in OpenAI's shape.
 */
export async function openaiEndpointAdapter(attempt: Attempt, endpointPath: string): Promise<ProviderAdapter | undefined> {
  const protocol = channelTypeById(attempt.channel.type)?.protocol;
  const adapter = protocol && (await adapterFor(protocol, attempt.channel.type, 'openai-chat', attempt.upstreamModel));
  if (!adapter || adapter.codec.protocol !== 'openai-chat') return undefined;
  return {
    ...adapter,
    build: async (input) => retarget(await adapter.build(input), endpointPath),
  };
}

/** Points a chat-completions request at another endpoint of the same API (query kept, e.g. Azure's api-version). */
function retarget(request: UpstreamRequest, endpointPath: string): UpstreamRequest {
  return { ...request, path: request.path.replace(/\/chat\/completions(?=\?|$)/, endpointPath) };
}
