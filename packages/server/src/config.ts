import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { parseAllowedOrigins } from './origins.js';

/**
 * Configuration comes from an optional JSON file and the environment (the environment
 * wins). Every setting is validated once at start-up; a bad value stops the process with
 * a message naming the setting (by its environment variable) and what is wrong with it.
 */

const bool = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0', 'yes', 'no'])])
  .transform((v) => v === true || v === 'true' || v === '1' || v === 'yes');

const databaseUrl = z
  .string()
  .refine((v) => /^(postgres|postgresql|mysql|mariadb|sqlite):/.test(v), {
    message: 'must start with postgres://, mysql://, mariadb:// or sqlite:',
  });

/** smtp:// or smtps:// with a host. The value carries the SMTP password, so errors never echo it. */
function isSmtpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'smtp:' || url.protocol === 'smtps:') && url.hostname !== '';
  } catch {
    return false;
  }
}

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: databaseUrl.optional(),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must start with redis:// or rediss://').optional(),
  REDIS_PREFIX: z.string().default('sb:'),
  NODE_ENV: z.string().default('development'),
  SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  ROOT_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BODY_LIMIT_MB: z.coerce.number().positive().max(1024).default(32),
  UPSTREAM_TIMEOUT_SEC: z.coerce.number().positive().default(300),
  STREAM_IDLE_TIMEOUT_SEC: z.coerce.number().positive().default(300),
  KEEPALIVE_INTERVAL_SEC: z.coerce.number().positive().default(15),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(24 * 30),
  TRUST_PROXY: bool.default(false),
  USAGE_FLUSH_MS: z.coerce.number().int().min(10).default(1000),
  CACHE_TTL_SEC: z.coerce.number().positive().default(60),
  REDEEM_LIMIT_PER_10MIN: z.coerce.number().int().min(1).default(20),
  ALLOW_ORIGINS: z
    .string()
    .default('')
    .superRefine((v, ctx) => {
      try {
        parseAllowedOrigins(v);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: (err as Error).message });
      }
    }),
  BAD_KEY_LIMIT_PER_20MIN: z.coerce.number().int().min(1).default(50),
  MAX_CONCURRENT_PER_USER: z.coerce.number().int().min(0).default(0),
  CURRENCY: z.string().trim().min(1).max(8).default('CNY'),
  POINTS_PER_CURRENCY_UNIT: z.coerce.number().positive().default(10),
  WEB_DIR: z.string().optional(),
  SMTP_URL: z
    .string()
    .refine(isSmtpUrl, 'must be smtp://user:password@host:port or smtps://… (URL-encode special characters)')
    .optional(),
  MAIL_FROM: z.string().trim().max(256).regex(/@/, 'must be a sender such as "Switchboard <noreply@example.com>"').default('Switchboard <noreply@localhost>'),
  SITE_NAME: z.string().trim().min(1).max(64).default('Switchboard'),
});

type RawConfig = z.infer<typeof schema>;

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres' | 'mysql'; url: string };
  redisUrl: string | undefined;
  redisPrefix: string;
  production: boolean;
  secret: string | undefined;
  rootPassword: string | undefined;
  logLevel: RawConfig['LOG_LEVEL'];
  bodyLimitBytes: number;
  upstreamTimeoutMs: number;
  streamIdleTimeoutMs: number;
  keepAliveIntervalMs: number;
  sessionTtlMs: number;
  trustProxy: boolean;
  usageFlushMs: number;
  cacheTtlMs: number;
  webDir: string | undefined;
  /** Code redemptions per client address per 10 minutes (guessing codes is the attack). */
  redeemLimitPer10Min: number;
  /** Normalised origins allowed to call /api from a browser (O-5); empty = same origin only. */
  allowOrigins: string[];
  /** Unknown API keys one address may present per 20 minutes before it is refused (O-6). */
  badKeyLimitPer20Min: number;
  /** Relay calls one user may run at once on one node; 0 = unlimited (B-10). */
  maxConcurrentPerUser: number;
  /** Display currency of balances (B-1): 10 points = 1 CNY by default. */
  currency: string;
  pointsPerCurrencyUnit: number;
  /** Outgoing mail (verification and reset codes); undefined = mail is off. Secret: never logged. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Shown in mail subjects. */
  siteName: string;
}

export class ConfigError extends Error {}

const CONFIG_KEYS = Object.keys(schema.shape) as (keyof RawConfig)[];

/** Reads `CONFIG_FILE` (or ./switchboard.config.json when present): a JSON object of the same keys. */
function readConfigFile(env: NodeJS.ProcessEnv, cwd: string): Record<string, unknown> {
  const path = env.CONFIG_FILE ? resolve(cwd, env.CONFIG_FILE) : resolve(cwd, 'switchboard.config.json');
  if (!existsSync(path)) {
    if (env.CONFIG_FILE) throw new ConfigError(`CONFIG_FILE: ${path} does not exist`);
    return {};
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new ConfigError(`CONFIG_FILE: ${path} is not valid JSON (${(err as Error).message})`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ConfigError(`CONFIG_FILE: ${path} must contain a JSON object`);
  }
  const unknownKeys = Object.keys(parsed).filter((k) => !CONFIG_KEYS.includes(k as keyof RawConfig));
  if (unknownKeys.length > 0) {
    throw new ConfigError(`CONFIG_FILE: unknown setting ${unknownKeys.join(', ')} in ${path}`);
  }
  return parsed as Record<string, unknown>;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const input: Record<string, unknown> = { ...readConfigFile(env, cwd) };
  for (const key of CONFIG_KEYS) {
    const value = env[key];
    if (value !== undefined && value !== '') input[key] = value;
  }
  const result = schema.safeParse(input);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const key = String(issue.path[0] ?? 'config');
      const got = input[key];
      const shown = key === 'SECRET' || key === 'ROOT_PASSWORD' || key === 'SMTP_URL' || got === undefined ? '' : ` (got ${JSON.stringify(got)})`;
      return `${key}: ${issue.message}${shown}`;
    });
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const raw = result.data;
  const production = raw.NODE_ENV === 'production';
  if (production && !raw.SECRET) {
    throw new ConfigError('Invalid configuration:\n  SECRET: is required when NODE_ENV=production (at least 32 characters)');
  }
  const dataDir = resolve(cwd, raw.DATA_DIR);
  return {
    port: raw.PORT,
    host: raw.HOST,
    dataDir,
    database: databaseFrom(raw.DATABASE_URL, dataDir, cwd),
    redisUrl: raw.REDIS_URL,
    redisPrefix: raw.REDIS_PREFIX,
    production,
    secret: raw.SECRET,
    rootPassword: raw.ROOT_PASSWORD,
    logLevel: raw.LOG_LEVEL,
    bodyLimitBytes: Math.round(raw.BODY_LIMIT_MB * 1024 * 1024),
    upstreamTimeoutMs: raw.UPSTREAM_TIMEOUT_SEC * 1000,
    streamIdleTimeoutMs: raw.STREAM_IDLE_TIMEOUT_SEC * 1000,
    keepAliveIntervalMs: raw.KEEPALIVE_INTERVAL_SEC * 1000,
    sessionTtlMs: raw.SESSION_TTL_HOURS * 3_600_000,
    trustProxy: raw.TRUST_PROXY,
    usageFlushMs: raw.USAGE_FLUSH_MS,
    cacheTtlMs: raw.CACHE_TTL_SEC * 1000,
    redeemLimitPer10Min: raw.REDEEM_LIMIT_PER_10MIN,
    allowOrigins: parseAllowedOrigins(raw.ALLOW_ORIGINS),
    badKeyLimitPer20Min: raw.BAD_KEY_LIMIT_PER_20MIN,
    maxConcurrentPerUser: raw.MAX_CONCURRENT_PER_USER,
    currency: raw.CURRENCY,
    pointsPerCurrencyUnit: raw.POINTS_PER_CURRENCY_UNIT,
    webDir: raw.WEB_DIR ? resolve(cwd, raw.WEB_DIR) : undefined,
    smtpUrl: raw.SMTP_URL,
    mailFrom: raw.MAIL_FROM,
    siteName: raw.SITE_NAME,
  };
}

function databaseFrom(url: string | undefined, dataDir: string, cwd: string): Config['database'] {
  if (!url) return { kind: 'sqlite', file: resolve(dataDir, 'switchboard.db') };
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length).replace(/^\/\//, '');
    return { kind: 'sqlite', file: file === ':memory:' ? file : resolve(cwd, file) };
  }
  if (url.startsWith('mysql:') || url.startsWith('mariadb:')) {
    return { kind: 'mysql', url: url.replace(/^mariadb:/, 'mysql:') };
  }
  return { kind: 'postgres', url };
}
