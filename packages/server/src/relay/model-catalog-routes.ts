import { z } from 'zod';
import type { ApiRoutes } from '../http/api-routes.js';
import { cachedCapabilities } from '../providers/capability-cache.js';
import type { ChannelDirectory } from './routing/channel-directory.js';
import { modelsFor } from './routing/router.js';

const capabilities = z.object({
  known: z.boolean(),
  kind: z.string(),
  vision: z.boolean(),
  tools: z.boolean(),
  reasoning: z.boolean(),
  context_window: z.number(),
  max_output: z.number().nullable(),
  input: z.array(z.string()),
  output: z.array(z.string()),
});

/**
 * GET /api/models: the models the signed-in user may use, with what each can do (P-7), so
 * the web app can offer image upload only where it works and show context sizes.
 */
export function registerModelCatalogRoutes(routes: ApiRoutes, directory: ChannelDirectory): void {
  routes.add({
    method: 'GET',
    url: '/api/models',
    summary: 'Models available to you, with their capabilities (vision, tools, reasoning, context window, modalities).',
    tag: 'models',
    access: 'user',
    response: z.object({ data: z.array(z.object({ id: z.string(), capabilities })) }),
    async handler({ principal }) {
      return {
        data: modelsFor(directory.snapshot, principal!.group).map((id) => {
          const c = cachedCapabilities(id);
          return {
            id,
            capabilities: {
              known: c.known,
              kind: c.kind,
              vision: c.vision,
              tools: c.tools,
              reasoning: c.reasoning,
              context_window: c.contextWindow,
              max_output: c.maxOutput ?? null,
              input: [...c.input],
              output: [...c.output],
            },
          };
        }),
      };
    },
  });
}
