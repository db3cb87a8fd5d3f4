import type { RateLimit } from '../kv/rate-limiter.js';

/**
 * Per-address limits on the account endpoints (O-6), counted in the Kv: shared by every node
 * when Redis is configured. Each counts attempts, successful or not: what they slow down is
 * guessing (codes, passwords) and mass sign-ups, and a legitimate user needs only a few tries.
 */
export const REGISTER_LIMIT: RateLimit = { name: 'register', limit: 10, windowMs: 10 * 60_000 };
/** Code mails asked for by one client address. */
export const EMAIL_CODE_LIMIT: RateLimit = { name: 'email-code', limit: 5, windowMs: 10 * 60_000 };
/** Code mails sent to one address, whoever asks: nobody can flood an inbox. */
export const EMAIL_CODE_PER_ADDRESS_LIMIT: RateLimit = { name: 'email-code-to', limit: 10, windowMs: 60 * 60_000 };
export const RESET_LIMIT: RateLimit = { name: 'reset-password', limit: 10, windowMs: 10 * 60_000 };
/** Per user: a stolen session must not become a way to guess the account's password. */
export const CHANGE_PASSWORD_LIMIT: RateLimit = { name: 'change-password', limit: 10, windowMs: 10 * 60_000 };
