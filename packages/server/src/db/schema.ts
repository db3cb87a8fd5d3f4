import type { Generated, Insertable, Selectable } from 'kysely';

/**
 * Table types. Timestamps are UTC milliseconds since the epoch in BIGINT columns: one
 * representation that behaves the same on SQLite, PostgreSQL and MySQL. Booleans are
 * 0/1 integers for the same reason; lists are JSON text.
 */
interface UsersTable {
  id: Generated<number>;
  username: string;
  email: string | null;
  password_hash: string;
  role: 'user' | 'admin' | 'root';
  group_name: string;
  status: 'active' | 'banned';
  /** Micro-points (1 point = 1,000,000); changed only by LedgerService. Added by migration 003. */
  balance: Generated<number | string>;
  created_at: number;
  updated_at: number;
}

interface SessionsTable {
  id: string; // sha256 of the session token
  user_id: number;
  created_at: number;
  expires_at: number;
  ip: string | null;
  user_agent: string | null;
}

interface ApiKeysTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  key_hash: string;
  key_hint: string; // `sk-AbCd…wxyz`, enough to recognise a key, never enough to use it
  status: 'active' | 'disabled';
  expires_at: number | null;
  models: string | null; // JSON string[]; null = every model
  allow_ips: string | null; // JSON string[] of IPs/CIDRs; null = any address
  created_at: number;
  updated_at: number;
  last_used_at: number | null;
  /** Spending cap in micro-points; null = none (migration 011). */
  quota_limit: number | string | null;
  /** Spent against the cap, reservations of running calls included. */
  quota_used: Generated<number | string>;
  /** Requests / tokens per minute; null = unlimited. */
  rpm: number | null;
  tpm: number | null;
}

interface ChannelsTable {
  id: Generated<number>;
  name: string;
  type: string;
  base_url: string;
  keys_sealed: string; // SecretBox of the newline-separated keys
  models: string; // JSON string[]
  mapping: string; // `from>to` rules, one per line
  groups: string; // JSON string[]; [] = every group
  priority: number;
  weight: number;
  retry: number;
  status: 'enabled' | 'disabled' | 'auto_disabled';
  proxy_sealed: string | null;
  headers_sealed: string | null; // SecretBox of a JSON object
  test_model: string | null;
  tag: string | null;
  created_at: number;
  updated_at: number;
}

export interface UsageLogsTable {
  id: Generated<number>;
  request_id: string;
  user_id: number;
  key_id: number | null;
  endpoint: string;
  model: string;
  upstream_model: string | null;
  channel_id: number | null;
  prompt_tokens: number;
  completion_tokens: number;
  cached_tokens: number;
  /** Added by migration 002 (older rows hold the default 0). */
  cache_write_tokens: number;
  reasoning_tokens: number;
  /** Micro-points charged (migration 005). */
  cost: number | string;
  /** 'cache': served by the response cache (B-7), cost 0, no channel. 'plan': paid with a subscription use (B-5), cost 0. */
  usage_source: 'upstream' | 'estimated' | 'none' | 'cache' | 'plan';
  is_stream: number;
  status: 'success' | 'error' | 'aborted';
  http_status: number;
  error: string | null;
  attempts: number;
  latency_ms: number;
  ttft_ms: number | null;
  ip: string | null;
  created_at: number;
}

/** One movement of a user's points (B-4). `amount` is signed micro-points. */
interface LedgerTable {
  id: Generated<number>;
  user_id: number;
  kind: string;
  amount: number | string;
  balance_after: number | string;
  idem_key: string | null;
  request_id: string | null;
  note: string | null;
  created_at: number;
}

/** Points held for a request in flight, until it settles (or is reconciled after a crash). */
interface ReservationsTable {
  request_id: string;
  user_id: number;
  amount: number | string;
  /** The node that holds it; a restarted node releases its own (billing/node-identity.ts). */
  node_id: string;
  created_at: number;
  /** The capped API key this reservation counts against (migration 011); null when uncapped. */
  key_id: number | null;
}

/** A model's price (B-2); amounts in micro-points. */
export interface PricesTable {
  model: string;
  mode: 'free' | 'request' | 'token';
  per_request: number | string;
  input: number | string;
  output: number | string;
  cached_input: number | string | null;
  cache_write: number | string | null;
  unit_tokens: number;
  anonymous: number;
  updated_at: number;
}

/** A redeem code (any user, once) or gift code (once, and one per gift type per user). */
export interface CodesTable {
  id: Generated<number>;
  code: string;
  kind: 'redeem' | 'gift';
  gift_type: string | null;
  amount: number | string;
  batch: string;
  status: 'unused' | 'used';
  used_by: number | null;
  used_at: number | null;
  created_at: number;
}

/** One runtime settings section (settings/sections.ts), as JSON. */
interface SettingsTable {
  name: string;
  value: string;
  updated_at: number;
}

/** A subscription plan (B-5, migration 009): price in micro-points per month, items as JSON. */
export interface PlansTable {
  level: number;
  name: string;
  price: number | string;
  period: string;
  items: string;
  updated_at: number;
}

/** A user's subscription; `version` increments with every change (optimistic concurrency). */
export interface SubscriptionsTable {
  user_id: number;
  level: number;
  started_at: number;
  expires_at: number;
  total_months: number;
  version: number;
  updated_at: number;
}

/** Uses of one plan item by one user in the period starting at `period_start`. */
interface PlanUsageTable {
  user_id: number;
  item_id: string;
  period_start: number;
  used: number;
}

/** A model market entry (W-7, migration 012); tags as JSON text, flags as 0/1. */
export interface MarketEntriesTable {
  model: string;
  name: string;
  description: string;
  tags: string;
  avatar: string;
  is_default: number;
  high_context: number;
  sort_order: number;
  created_at: number;
  updated_at: number;
}

/** One of a user's favourite models, at `position` in their order. */
interface MarketFavoritesTable {
  user_id: number;
  model: string;
  position: number;
}

/** A user's own preset (W-6, migration 013); `context` is JSON text; `deleted_at` set = deleted. */
interface UserPresetsTable {
  id: string;
  user_id: number;
  avatar: string;
  name: string;
  description: string;
  context: string;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
}

/** A chat conversation (W-1, migration 014); `settings` is JSON text; `deleted_at` set = deleted. */
interface ConversationsTable {
  id: string;
  user_id: number;
  title: string;
  /** 'auto' (first words of the first message), 'model' (written by the title model) or 'user'. */
  title_source: 'auto' | 'model' | 'user';
  pinned: number;
  settings: string;
  /** The last message of the branch every device shows; null for an empty conversation. */
  current_leaf_id: string | null;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
}

/** One message of a conversation's tree (migration 014). */
interface ChatMessagesTable {
  id: string;
  conversation_id: string;
  user_id: number;
  parent_id: string | null;
  role: 'user' | 'assistant';
  content: string;
  reasoning: string | null;
  /** JSON text: [{ type: 'image', url }] (http(s) or data: URL). */
  attachments: string | null;
  status: 'done' | 'generating' | 'stopped' | 'interrupted' | 'error';
  model: string | null;
  /** The provider's display name (never the channel's name or host). */
  provider: string | null;
  prompt_tokens: number | null;
  completion_tokens: number | null;
  /** Micro-points charged; 0 when a plan covered the call. */
  cost: number | string | null;
  plan_item: string | null;
  latency_ms: number | null;
  ttft_ms: number | null;
  finish_reason: string | null;
  error: string | null;
  /** Why it failed, for the client to word it (`insufficient_balance`, `upstream_stream_failed`, …). */
  error_code: string | null;
  /** The usage row of the call that generated this answer. */
  request_id: string | null;
  /** While generating: the node running the job and its last heartbeat (ms). */
  node_id: string | null;
  heartbeat_at: number | null;
  created_at: number;
  updated_at: number;
}

/** A shared snapshot of a conversation path (W-8, migration 015); `snapshot` is JSON text. */
interface ChatSharesTable {
  id: string;
  user_id: number;
  conversation_id: string;
  message_id: string | null;
  title: string;
  snapshot: string;
  created_at: number;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  api_keys: ApiKeysTable;
  channels: ChannelsTable;
  usage_logs: UsageLogsTable;
  ledger: LedgerTable;
  reservations: ReservationsTable;
  prices: PricesTable;
  codes: CodesTable;
  settings: SettingsTable;
  plans: PlansTable;
  subscriptions: SubscriptionsTable;
  plan_usage: PlanUsageTable;
  market_entries: MarketEntriesTable;
  market_favorites: MarketFavoritesTable;
  user_presets: UserPresetsTable;
  conversations: ConversationsTable;
  chat_messages: ChatMessagesTable;
  chat_shares: ChatSharesTable;
}

export type UserRow = Selectable<UsersTable>;
export type ApiKeyRow = Selectable<ApiKeysTable>;
export type ChannelRow = Selectable<ChannelsTable>;
export type NewUsageLog = Insertable<UsageLogsTable>;
