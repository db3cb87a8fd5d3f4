import type { FastifyInstance } from 'fastify';
import { pino, type Logger } from 'pino';
import { ApiKeyService } from './accounts/api-keys.js';
import { KeyTag } from './accounts/key-tag.js';
import { ensureRootUser } from './accounts/root-user.js';
import { EmailCodes } from './accounts/email-codes.js';
import { createMailer } from './accounts/mailer.js';
import { SessionStore } from './accounts/sessions.js';
import { SignInThrottle } from './accounts/sign-in-throttle.js';
import { UserService } from './accounts/users.js';
import { ChannelService } from './admin/channels.js';
import { ChatChangeStream } from './chat/events/chat-change-stream.js';
import { openJobEventLog } from './chat/jobs/open-job-event-log.js';
import type { Config } from './config.js';
import type { AppContext } from './context.js';
import { resolveDeploymentSecret } from './crypto/deployment-secret.js';
import { tightenDataDir } from './data-dir.js';
import { SecretBox } from './crypto/secret-box.js';
import { openDatabase } from './db/database.js';
import { migrate } from './db/migrate.js';
import { buildApp } from './app.js';
import { CodeService } from './billing/codes.js';
import { LedgerService } from './billing/ledger.js';
import { nodeIdentity } from './billing/node-identity.js';
import { PriceService } from './billing/price-service.js';
import { RelayBilling } from './billing/relay-billing.js';
import { ReservationService } from './billing/reservations.js';
import { InvalidationBus } from './kv/invalidation.js';
import { openKv } from './kv/open-kv.js';
import type { RelayAccounting } from './relay/accounting.js';
import { answerStoreFor } from './relay/cache/answer-store.js';
import { ResponseCache } from './relay/cache/response-cache.js';
import { ChannelDirectory } from './relay/routing/channel-directory.js';
import { UpstreamClients } from './relay/upstream/upstream-clients.js';
import { UsageRecorder } from './relay/usage-recorder.js';
import { SettingsService } from './settings/settings-service.js';
import { startPlans } from './billing/plans/plans.js';
import { Favorites } from './market/favorites.js';
import { MarketCatalog } from './market/market-catalog.js';
import { UserPresets } from './presets/user-presets.js';
import { Conversations } from './chat/conversations/conversations.js';
import { GenerationJobs } from './chat/generation/generation-jobs.js';
import { TitleWriter } from './chat/generation/title-writer.js';
import { RateLimiter } from './kv/rate-limiter.js';
import { CallLimits } from './relay/call-limits.js';
import type { GenerationDeps } from './relay/generate/generate.js';
import { ConversationSearch } from './chat/conversations/search/conversation-search.js';
import { Shares } from './chat/shares/shares.js';
import type { Clock } from './billing/plans/periods.js';
import { LogDestination } from './log-destination.js';
import { VERSION } from './version.js';

/** A reservation older than this outlived any request (streams included): release it. */
const STALE_RESERVATION_MS = 6 * 3600_000;
/** How long the end of shutdown waits for the last log lines when stdout does not take them. */
const LOG_CLOSE_MS = 2000;

export interface RunningServer {
  app: FastifyInstance;
  ctx: AppContext;
  url: string;
  /** Stops accepting, lets in-flight requests finish, flushes usage, closes connections. */
  close(): Promise<void>;
}

export interface StartOptions {
  logger?: Logger;
  /** Where the first-run root password is shown (stdout by default). */
  announce?: (message: string) => void;
  accounting?: RelayAccounting;
  listen?: boolean;
  /** The time subscriptions see (expiry, usage periods); tests move it. */
  planClock?: Clock;
  /** The time the per-account sign-in delays are measured in; tests move it. */
  signInClock?: Clock;
}

/** start-up: config → database → cache → services → app → listen. */
export async function startServer(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  // Logs are buffered and written asynchronously (log-destination.ts); the buffer is flushed at
  // shutdown, never waiting on a stdout nobody reads. Nothing logged carries secrets: request
  // headers and bodies are never logged, so no per-line redaction pass is needed.
  const destination = options.logger ? undefined : new LogDestination();
  const log = options.logger ?? pino({ level: config.logLevel }, destination);
  if (destination) process.once('exit', () => destination.flushAtExit());
  const loose = tightenDataDir(config.dataDir);
  if (loose.length) log.warn({ paths: loose }, 'could not make these data files private to this user (owned by another user?)');
  const secret = resolveDeploymentSecret(config.secret, config.dataDir);
  const box = new SecretBox(secret);
  const db = await openDatabase(config.database, log);
  const applied = await migrate(db);
  if (applied.length) log.info({ migrations: applied }, 'database migrated');
  const kv = await openKv(config.redisUrl, config.redisPrefix);
  const bus = new InvalidationBus(kv);
  await bus.start();

  await ensureRootUser(db, config.rootPassword, options.announce ?? ((m) => process.stdout.write(`${m}\n`)));

  const keys = new ApiKeyService(db, bus, config.cacheTtlMs, new KeyTag(secret));
  const channels = new ChannelService(db, box, bus);
  const directory = new ChannelDirectory(channels, bus, log, config.cacheTtlMs);
  await directory.start();
  const ledger = new LedgerService(db);
  const nodeId = nodeIdentity(config.dataDir);
  const reservations = new ReservationService(db, ledger, nodeId);
  // Before serving: whatever this node held when it last stopped belongs to requests that died with it.
  const released = await reservations.reconcile({ ownEarlier: true, olderThanMs: STALE_RESERVATION_MS });
  if (released) log.warn({ released }, 'released reservations of requests that did not finish before the restart');
  const prices = new PriceService(db, bus);
  await prices.start();
  const settings = new SettingsService(db, bus);
  await settings.start();
  const plans = await startPlans({ db, bus, ledger, settings, ...(options.planClock ? { clock: options.planClock } : {}) });
  const market = new MarketCatalog(db, bus);
  await market.start();
  const usage = new UsageRecorder(db, log, config.usageFlushMs, (m) => keys.touch(m));
  usage.start();
  const clients = new UpstreamClients({
    connectMs: 10_000,
    headersMs: config.upstreamTimeoutMs,
    idleMs: config.streamIdleTimeoutMs,
  });
  const sessions = new SessionStore(db, bus, config.sessionTtlMs, config.cacheTtlMs);
  const jobEvents = await openJobEventLog({ redisUrl: config.redisUrl, redisPrefix: config.redisPrefix, log });
  const chatChanges = new ChatChangeStream(kv, log);
  await chatChanges.start();
  const conversations = new Conversations(db, chatChanges);
  const accounting = options.accounting ?? new RelayBilling(prices, ledger, reservations, plans.payer);
  const responseCache = new ResponseCache({ settings, prices, store: answerStoreFor(kv), log });
  // The relay core, entered by two doors: /v1 (API keys) and the chat app (sessions). One set
  // of limits, so a user's running calls count the same through either.
  const generation: GenerationDeps = {
    directory,
    clients,
    usage,
    accounting,
    limits: new CallLimits(new RateLimiter(kv), config.maxConcurrentPerUser),
    log,
    keepAliveIntervalMs: config.keepAliveIntervalMs,
    responseCache,
  };
  const jobs = new GenerationJobs({
    generation,
    conversations,
    events: jobEvents,
    kv,
    reservations,
    titles: new TitleWriter({ generation, conversations, settings, log }),
    nodeId,
    log,
    defaultModel: () => market.defaultModel(),
  });
  await jobs.start();
  const ctx: AppContext = {
    config,
    version: VERSION,
    startedAt: Date.now(),
    log,
    db,
    kv,
    bus,
    box,
    sessions,
    signIns: new SignInThrottle(kv, options.signInClock),
    keys,
    users: new UserService(db, ledger, sessions, bus),
    mailer: createMailer(config, log),
    emailCodes: new EmailCodes(kv, secret),
    channels,
    directory,
    clients,
    usage,
    ledger,
    reservations,
    prices,
    codes: new CodeService(db, ledger),
    accounting,
    generation,
    jobs,
    plans,
    market,
    favorites: new Favorites(db),
    presets: new UserPresets(db),
    conversations,
    conversationSearch: new ConversationSearch(db),
    shares: new Shares(db, conversations),
    settings,
    responseCache,
    jobEvents,
    chatChanges,
  };
  const app = await buildApp(ctx);
  // The safety net for reservations of a node that never came back.
  const sweepReservations = setInterval(() => {
    reservations.reconcile({ ownEarlier: false, olderThanMs: STALE_RESERVATION_MS }).catch((err: unknown) => log.error({ err }, 'reservation sweep failed'));
  }, 10 * 60_000);
  sweepReservations.unref();
  let url = '';
  if (options.listen !== false) {
    url = await app.listen({ port: config.port, host: config.host });
    log.info({ url, database: db.dialect, cache: kv.kind }, 'Switchboard listening');
    void destination?.flush(); // supervisors wait for this line
  }
  let closing: Promise<void> | undefined;
  return {
    app,
    ctx,
    url,
    close() {
      closing ??= (async () => {
        // Connections that finish their last response while we drain would otherwise linger
        // until their keep-alive timeout; close each as soon as it goes idle.
        const sweep = setInterval(() => app.server.closeIdleConnections(), 100);
        await app.close();
        clearInterval(sweep);
        await jobs.close(); // answers still generating end here, saved as interrupted and settled
        clearInterval(sweepReservations);
        directory.stop();
        await usage.close();
        await clients.close();
        await ctx.responseCache.writes(); // answers still being stored go to the Kv before it closes
        await jobEvents.close(); // events still batched go to Redis first
        await kv.close();
        await db.close();
        await destination?.close(LOG_CLOSE_MS);
      })();
      return closing;
    },
  };
}
