import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { z } from 'zod';
import { registerApiKeyRoutes } from './accounts/api-key-routes.js';
import { registerAuthRoutes, sessionTokenOf } from './accounts/auth-routes.js';
import { registerRegistrationRoutes } from './accounts/registration-routes.js';
import { registerUserAdminRoutes } from './accounts/user-admin-routes.js';
import { registerChannelRoutes } from './admin/channel-routes.js';
import { registerChatEventRoutes } from './chat/events/chat-event-routes.js';
import { registerBalanceAdminRoutes, registerBalanceRoutes, registerOpenAIBillingRoutes } from './billing/balance-routes.js';
import { registerCodeRoutes } from './billing/code-routes.js';
import { registerPlanRoutes } from './billing/plans/plan-routes.js';
import { registerChargeRoute, registerPriceRoutes } from './billing/price-routes.js';
import { registerConversationRoutes } from './chat/conversations/conversation-routes.js';
import { registerShareRoutes } from './chat/shares/share-routes.js';
import type { AppContext } from './context.js';
import { ApiRoutes, type Authenticate } from './http/api-routes.js';
import { allowedRequestHeaders, installApiCors } from './http/cors.js';
import { frameworkErrorOptions, installErrorHandling } from './http/error-handler.js';
import { hasWebApp, registerWebApp, servePage } from './http/web-app.js';
import { RateLimiter } from './kv/rate-limiter.js';
import { registerMarketRoutes } from './market/market-routes.js';
import { registerPresetRoutes } from './presets/preset-routes.js';
import { registerAnonymousChatRoute } from './chat/door/anonymous-chat-routes.js';
import { registerGenerationRoutes } from './chat/generation/generation-routes.js';
import { registerResponseCacheRoutes } from './relay/cache/cache-routes.js';
import { registerModelCatalogRoutes } from './relay/model-catalog-routes.js';
import { loadCodec } from './relay/routes/codecs.js';
import { BadKeyGuard } from './relay/v1-auth.js';
import { registerV1Routes } from './relay/v1-routes.js';
import { registerSettingsRoutes } from './settings/settings-routes.js';
import { registerUsageRoutes } from './usage/usage-routes.js';

/** Assembles the HTTP surface: /api (management), /v1 (relay), and the web app at /. */
export async function buildApp(ctx: AppContext): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: ctx.log as FastifyBaseLogger,
    // The relay writes one structured line per call itself; Fastify's two generic lines per request would double the logging cost.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: ctx.config.bodyLimitBytes,
    trustProxy: ctx.config.trustProxy,
    // Fastify's own per-request id is only used in its error logs; a counter is enough.
    genReqId: (() => {
      let n = 0;
      return () => (++n).toString(36);
    })(),
    ...frameworkErrorOptions(loadCodec),
  });
  const webDir = ctx.config.webDir ?? new URL('../../web/dist/', import.meta.url).pathname;
  const webApp = hasWebApp(webDir);
  installErrorHandling(app, loadCodec, webApp ? servePage : undefined);
  installApiCors(app, ctx.config.allowOrigins);

  // The relay is called from browsers of other sites (O-5): CORS is open on /v1. The header
  // itself is set by the /v1 routes' own hook (one hook per request, not two); this answers preflights.
  app.options('/v1/*', async (request, reply) =>
    reply
      .header('access-control-allow-origin', '*')
      .header('access-control-allow-methods', 'GET, POST, OPTIONS')
      .header('access-control-allow-headers', allowedRequestHeaders(request.headers['access-control-request-headers'], '*'))
      .header('access-control-max-age', '86400')
      .code(204)
      .send(),
  );

  const authenticate: Authenticate = async (request) => {
    const token = sessionTokenOf(request);
    return token ? ((await ctx.sessions.resolve(token)) ?? null) : null;
  };
  const routes = new ApiRoutes(app, authenticate);
  // Streams that last until the client leaves (SSE) end when the server starts closing; the
  // close would otherwise wait for them, and their clients reconnect to another node.
  const shutdown = new AbortController();
  app.addHook('preClose', async () => shutdown.abort());

  routes.add({
    method: 'GET',
    url: '/api/status',
    summary: 'Liveness: version and uptime.',
    tag: 'system',
    access: 'public',
    response: z.object({ name: z.string(), version: z.string(), uptime_sec: z.number(), started_at: z.number() }),
    async handler() {
      return {
        name: 'Switchboard',
        version: ctx.version,
        uptime_sec: Math.floor((Date.now() - ctx.startedAt) / 1000),
        started_at: ctx.startedAt,
      };
    },
  });
  routes.add({
    method: 'GET',
    url: '/api/ready',
    summary: 'Readiness: pings the database and the cache (Redis when configured). 503 when either fails.',
    tag: 'system',
    access: 'public',
    otherStatuses: { 503: 'Not ready: the database or the cache did not answer' },
    response: z.object({
      status: z.enum(['ready', 'not_ready']),
      checks: z.object({ database: z.string(), cache: z.string() }).describe('"ok" or "error: …" for each'),
      database: z.string(),
      cache_backend: z.string(),
    }),
    async handler({ reply }) {
      const check = async (f: () => Promise<void>) =>
        f().then(
          () => 'ok',
          (err: Error) => `error: ${err.message}`,
        );
      const [database, cache] = await Promise.all([check(() => ctx.db.ping()), check(() => ctx.kv.ping())]);
      const ready = database === 'ok' && cache === 'ok';
      reply.code(ready ? 200 : 503);
      return { status: ready ? 'ready' : 'not_ready', checks: { database, cache }, database: ctx.db.dialect, cache_backend: ctx.kv.kind };
    },
  });

  const limiter = new RateLimiter(ctx.kv);
  registerAuthRoutes(routes, {
    users: ctx.users,
    sessions: ctx.sessions,
    limiter,
    signIns: ctx.signIns,
    secureCookies: ctx.config.production,
    sessionTtlMs: ctx.config.sessionTtlMs,
  });
  registerRegistrationRoutes(routes, {
    users: ctx.users,
    codes: ctx.emailCodes,
    mailer: ctx.mailer,
    settings: ctx.settings,
    kv: ctx.kv,
    limiter,
    siteName: ctx.config.siteName,
    log: ctx.log,
    sessions: ctx.sessions,
    secureCookies: ctx.config.production,
    sessionTtlMs: ctx.config.sessionTtlMs,
  });
  registerUserAdminRoutes(routes, ctx.users);
  registerApiKeyRoutes(routes, ctx.keys);
  registerChannelRoutes(routes, ctx.channels);
  registerModelCatalogRoutes(routes, ctx.directory);
  registerPriceRoutes(routes, ctx.prices);
  registerChargeRoute(routes, ctx.prices);
  registerCodeRoutes(routes, ctx.codes, limiter, ctx.config.redeemLimitPer10Min);
  const display = { currency: ctx.config.currency, pointsPerCurrencyUnit: ctx.config.pointsPerCurrencyUnit };
  registerBalanceRoutes(routes, ctx.db, ctx.ledger, display);
  registerBalanceAdminRoutes(routes, ctx.ledger);
  registerSettingsRoutes(routes, ctx.settings);
  registerPlanRoutes(routes, { catalog: ctx.plans.catalog, subscriptions: ctx.plans.subscriptions, settings: ctx.settings, display, clock: ctx.plans.clock });
  registerMarketRoutes(routes, { market: ctx.market, favorites: ctx.favorites, prices: ctx.prices, plans: ctx.plans, settings: ctx.settings });
  registerPresetRoutes(routes, { presets: ctx.presets });
  registerConversationRoutes(routes, { conversations: ctx.conversations, search: ctx.conversationSearch, presets: ctx.presets });
  registerShareRoutes(routes, { shares: ctx.shares });
  registerResponseCacheRoutes(routes, ctx.responseCache);
  registerUsageRoutes(routes, ctx.db);
  registerChatEventRoutes(routes, { changes: ctx.chatChanges, keepAliveMs: ctx.config.keepAliveIntervalMs, shutdown: shutdown.signal, authenticate });

  // Built on first request: converting every schema is work a relay node rarely needs.
  let openapi: unknown;
  app.get('/api/openapi.json', async () => (openapi ??= routes.openapi({ title: 'Switchboard management API', version: ctx.version })));

  registerAnonymousChatRoute(routes, { generation: ctx.generation, prices: ctx.prices, settings: ctx.settings, limiter, keepAliveMs: ctx.config.keepAliveIntervalMs });
  registerGenerationRoutes(routes, { jobs: ctx.jobs, conversations: ctx.conversations, events: ctx.jobEvents, keepAliveMs: ctx.config.keepAliveIntervalMs, shutdown: shutdown.signal });

  const v1 = registerV1Routes(app, {
    ...ctx.generation,
    badKeys: new BadKeyGuard(limiter, ctx.config.badKeyLimitPer20Min),
    keys: ctx.keys,
    startedAt: ctx.startedAt,
  });
  // OpenAI's billing endpoints answer /v1 keys but read billing's own data.
  registerOpenAIBillingRoutes(app, v1, ctx.db, ctx.ledger, display);

  if (webApp) await registerWebApp(app, webDir);

  return app;
}
