import { quoted } from '@switchboard/protocol';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ResolvedKey } from '../../accounts/api-keys.js';
import { AppError } from '../../http/errors.js';
import { modelsFor } from '../routing/router.js';
import type { V1Route } from '../v1-route.js';

/**
 * Model lists: only what the caller's key and group may use, in the shape of the
 * caller's protocol — OpenAI's by default, Anthropic's when the request carries
 * `anthropic-version` (as Anthropic's SDK always does), Gemini's on /v1beta/models.
 */
export function registerModelListRoutes(app: FastifyInstance, route: V1Route): void {
  const { deps } = route;
  const created = Math.floor(deps.startedAt / 1000);
  const createdAt = new Date(created * 1000).toISOString();
  const visibleModels = (key: ResolvedKey) => modelsFor(deps.directory.snapshot, key.user.group).filter((m) => !key.models || key.models.has(m));
  const notFound = (id: string) => new AppError(404, 'model_not_found', `model ${quoted(id)} does not exist or is not available to you`);

  const openai = (id: string) => ({ id, object: 'model', created, owned_by: 'switchboard' });
  const anthropic = (id: string) => ({ type: 'model', id, display_name: id, created_at: createdAt });
  const gemini = (id: string) => ({
    name: `models/${id}`,
    version: '1',
    displayName: id,
    supportedGenerationMethods: ['generateContent', 'streamGenerateContent'],
  });
  const asAnthropic = (request: FastifyRequest) => typeof request.headers['anthropic-version'] === 'string';

  // The error shape follows the caller too, so the hook is chosen per request.
  const openaiAuth = route.authenticate('openai-chat');
  const anthropicAuth = route.authenticate('anthropic');
  const byCaller: typeof openaiAuth = (request, reply) => (asAnthropic(request) ? anthropicAuth : openaiAuth)(request, reply);

  app.get('/v1/models', { onRequest: byCaller }, async (request) => {
    const ids = visibleModels(route.callerOf(request));
    if (!asAnthropic(request)) return { object: 'list', data: ids.map(openai) };
    return { data: ids.map(anthropic), has_more: false, first_id: ids[0] ?? null, last_id: ids.at(-1) ?? null };
  });

  app.get<{ Params: { model: string } }>('/v1/models/:model', { onRequest: byCaller }, async (request) => {
    const id = request.params.model;
    if (!visibleModels(route.callerOf(request)).includes(id)) throw notFound(id);
    return asAnthropic(request) ? anthropic(id) : openai(id);
  });

  const geminiAuth = route.authenticate('gemini', { queryKey: true });
  app.get('/v1beta/models', { onRequest: geminiAuth }, async (request) => ({ models: visibleModels(route.callerOf(request)).map(gemini) }));
  app.get<{ Params: { model: string } }>('/v1beta/models/:model', { onRequest: geminiAuth }, async (request) => {
    const id = request.params.model.replace(/^models\//, '');
    if (!visibleModels(route.callerOf(request)).includes(id)) throw notFound(id);
    return gemini(id);
  });
}
