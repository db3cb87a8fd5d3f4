import type { Logger } from 'pino';
import type { ApiKeyService } from './accounts/api-keys.js';
import type { EmailCodes } from './accounts/email-codes.js';
import type { Mailer } from './accounts/mailer.js';
import type { SessionStore } from './accounts/sessions.js';
import type { SignInThrottle } from './accounts/sign-in-throttle.js';
import type { UserService } from './accounts/users.js';
import type { ChannelService } from './admin/channels.js';
import type { ChatChangeStream } from './chat/events/chat-change-stream.js';
import type { JobEventLog } from './chat/jobs/job-event-log.js';
import type { CodeService } from './billing/codes.js';
import type { LedgerService } from './billing/ledger.js';
import type { PriceService } from './billing/price-service.js';
import type { ReservationService } from './billing/reservations.js';
import type { Config } from './config.js';
import type { SecretBox } from './crypto/secret-box.js';
import type { Db } from './db/database.js';
import type { InvalidationBus } from './kv/invalidation.js';
import type { Kv } from './kv/kv.js';
import type { RelayAccounting } from './relay/accounting.js';
import type { ResponseCache } from './relay/cache/response-cache.js';
import type { ChannelDirectory } from './relay/routing/channel-directory.js';
import type { UpstreamClients } from './relay/upstream/upstream-clients.js';
import type { UsageRecorder } from './relay/usage-recorder.js';
import type { SettingsService } from './settings/settings-service.js';
import type { Plans } from './billing/plans/plans.js';
import type { Favorites } from './market/favorites.js';
import type { MarketCatalog } from './market/market-catalog.js';
import type { UserPresets } from './presets/user-presets.js';
import type { Conversations } from './chat/conversations/conversations.js';
import type { GenerationJobs } from './chat/generation/generation-jobs.js';
import type { GenerationDeps } from './relay/generate/generate.js';
import type { ConversationSearch } from './chat/conversations/search/conversation-search.js';
import type { Shares } from './chat/shares/shares.js';

/** The long-lived services of one node, created once at start-up (see server.ts). */
export interface AppContext {
  config: Config;
  version: string;
  startedAt: number;
  log: Logger;
  db: Db;
  kv: Kv;
  bus: InvalidationBus;
  box: SecretBox;
  sessions: SessionStore;
  /** Per-account limit on password checks (shared through the Kv). */
  signIns: SignInThrottle;
  keys: ApiKeyService;
  users: UserService;
  mailer: Mailer;
  emailCodes: EmailCodes;
  channels: ChannelService;
  directory: ChannelDirectory;
  clients: UpstreamClients;
  usage: UsageRecorder;
  ledger: LedgerService;
  reservations: ReservationService;
  prices: PriceService;
  codes: CodeService;
  accounting: RelayAccounting;
  settings: SettingsService;
  /** B-5: plans, subscriptions and their use counters. */
  plans: Plans;
  /** W-7: the model market entries (in memory, invalidated across nodes) and users' favourites. */
  market: MarketCatalog;
  favorites: Favorites;
  /** W-6: each user's own presets (the built-in ones are data in code). */
  presets: UserPresets;
  /** W-1, W-2, W-5, W-9: conversations and their message trees; search over them. */
  conversations: Conversations;
  conversationSearch: ConversationSearch;
  /** W-8: shared snapshots of conversation paths. */
  shares: Shares;
  /** B-7: stored answers of cached models (Redis when configured, else this node's memory). */
  responseCache: ResponseCache;
  /** W-2, W-3: the replayable events of generation jobs (Redis Streams when configured, else this node's memory). */
  jobEvents: JobEventLog;
  /** The relay core's services, shared by both doors (/v1 and the chat app). */
  generation: GenerationDeps;
  /** W-2, W-3: the chat app's generation jobs on this node. */
  jobs: GenerationJobs;
  /** W-9: conversation changes, published on any node, streamed to the user's open tabs and devices. */
  chatChanges: ChatChangeStream;
}
