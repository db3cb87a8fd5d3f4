import type { IrErrorInfo } from '../../ir.js';
import { errorBodySchema } from './schema.js';

/**
 * Gemini errors use the Google API error shape:
 * `{"error": {"code": 429, "message": "…", "status": "RESOURCE_EXHAUSTED", "details": […]}}`.
 * Some endpoints (and streams without `alt=sse`) wrap it in an array: `[{"error": …}]`.
 */

/** HTTP status → google.rpc status string. */
const STATUS_BY_HTTP: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'ABORTED',
  429: 'RESOURCE_EXHAUSTED',
  499: 'CANCELLED',
  500: 'INTERNAL',
  501: 'UNIMPLEMENTED',
  502: 'UNAVAILABLE',
  503: 'UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
};

/** google.rpc status string → the HTTP status Google uses for it. */
const HTTP_BY_STATUS: Record<string, number> = {
  INVALID_ARGUMENT: 400,
  FAILED_PRECONDITION: 400,
  OUT_OF_RANGE: 400,
  UNAUTHENTICATED: 401,
  PERMISSION_DENIED: 403,
  NOT_FOUND: 404,
  ALREADY_EXISTS: 409,
  ABORTED: 409,
  RESOURCE_EXHAUSTED: 429,
  CANCELLED: 499,
  INTERNAL: 500,
  UNKNOWN: 500,
  DATA_LOSS: 500,
  UNIMPLEMENTED: 501,
  UNAVAILABLE: 503,
  DEADLINE_EXCEEDED: 504,
};

export function googleStatusForHttp(status: number): string {
  return STATUS_BY_HTTP[status] ?? (status >= 500 ? 'INTERNAL' : status >= 400 ? 'FAILED_PRECONDITION' : 'UNKNOWN');
}

/**
 * A google.rpc status for an error code of any protocol: Google status strings pass
 * through; common OpenAI / Anthropic error types are mapped; anything else is INTERNAL.
 */
export function googleStatusForCode(code: string | undefined): string {
  if (code === undefined) return 'INTERNAL';
  const upper = code.toUpperCase();
  if (HTTP_BY_STATUS[upper] !== undefined) return upper;
  if (/^\d{3}$/.test(code)) return googleStatusForHttp(Number(code));
  const c = code.toLowerCase();
  if (c.includes('rate_limit') || c.includes('quota')) return 'RESOURCE_EXHAUSTED';
  if (c.includes('overloaded') || c.includes('unavailable')) return 'UNAVAILABLE';
  if (c.includes('timeout')) return 'DEADLINE_EXCEEDED';
  if (c.includes('authentication') || c.includes('api_key')) return 'UNAUTHENTICATED';
  if (c.includes('permission')) return 'PERMISSION_DENIED';
  if (c.includes('not_found')) return 'NOT_FOUND';
  if (c.includes('invalid_request')) return 'INVALID_ARGUMENT';
  return 'INTERNAL';
}

export function httpStatusForGoogleStatus(status: string): number {
  return HTTP_BY_STATUS[status] ?? 500;
}

/** Reads a Gemini error body (object or `[object]`); undefined when it is not one. */
export function decodeError(body: unknown): IrErrorInfo | undefined {
  const candidate = Array.isArray(body) && body.length === 1 ? body[0] : body;
  const parsed = errorBodySchema.safeParse(candidate);
  if (!parsed.success) return undefined;
  const { code, message, status } = parsed.data.error;
  if (code === undefined && message === undefined && status === undefined) return undefined;
  const info: IrErrorInfo = { message: message ?? status ?? `Gemini error ${code ?? ''}`.trim() };
  if (status !== undefined) info.type = status;
  if (code !== undefined) info.code = String(code);
  return info;
}

/**
 * The error body Gemini clients expect. `status` is the HTTP status; the Google status
 * string comes from `code` when it already is one (e.g. "RESOURCE_EXHAUSTED"), else from
 * the HTTP status: 400 INVALID_ARGUMENT, 401 UNAUTHENTICATED, 403 PERMISSION_DENIED,
 * 404 NOT_FOUND, 429 RESOURCE_EXHAUSTED, 500 INTERNAL, 503 UNAVAILABLE, 504 DEADLINE_EXCEEDED.
 */
export function encodeError(status: number, message: string, code?: string): Record<string, unknown> {
  const upper = code?.toUpperCase();
  const googleStatus = upper !== undefined && HTTP_BY_STATUS[upper] !== undefined ? upper : googleStatusForHttp(status);
  return { error: { code: status, message, status: googleStatus } };
}
