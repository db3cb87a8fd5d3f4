import { classifyHttpError, type UpstreamFailure } from '../upstream-error.js';
import { decodeError } from './decode-error.js';

/** Licence and authorisation: the channel's application cannot serve (not enabled, blacklisted, out of tokens). */
const AUTH_CODES = new Set([10015, 10016, 11200, 11500]);
/** The day's quota of the application is used up. */
const QUOTA_CODES = new Set([11201]);
/** Per-second and concurrency limits; 10006/10007 are "one connection per user at a time". */
const RATE_CODES = new Set([10006, 10007, 11202, 11203]);
/**
 * The request itself: malformed frame or parameters (10003–10005, 10163), too many tokens
 * (10907), input or output refused by moderation (10013, 10014, 10019). Another channel
 * would answer the same.
 */
const REQUEST_CODES = new Set([10003, 10004, 10005, 10013, 10014, 10019, 10163, 10907]);

/**
 * Classifies a Spark failure. Two shapes reach here: a refused WebSocket handshake, which the
 * transport reports with its HTTP status (401 `{"message": "HMAC signature does not match"}`
 * for a bad signature or date), and error frames (`header.code` ≠ 0) that arrived on an open
 * socket, reported with status 200. Frames are sorted by iFlytek's error code, whatever the
 * status; anything unknown is the server's (retryable).
 */
export function classifySparkError(status: number, body: string): UpstreamFailure {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return classifyHttpError(status, body);
  }
  const info = decodeError(parsed);
  if (!info) return classifyHttpError(status, body);
  const code = Number(info.code);
  const as = (kind: UpstreamFailure['kind'], retryable: boolean): UpstreamFailure => ({ kind, status, message: info.message, retryable });
  if (AUTH_CODES.has(code)) return as('auth', true);
  if (QUOTA_CODES.has(code)) return as('quota', true);
  if (RATE_CODES.has(code)) return as('rate_limit', true);
  if (REQUEST_CODES.has(code)) return as('bad_request', false);
  return as('server', true);
}
