import type { IrErrorInfo } from '../../ir.js';
import { errorBodySchema, type AnthropicErrorBody } from './schema.js';

/**
 * Anthropic error bodies: `{"type":"error","error":{"type":"rate_limit_error","message":"…"}}`,
 * the same shape in an HTTP error response and in a stream's `event: error`.
 */

/** Anthropic's error types by HTTP status. */
const TYPE_BY_STATUS: Readonly<Record<number, string>> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  402: 'billing_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  529: 'overloaded_error',
};

const KNOWN_TYPES: ReadonlySet<string> = new Set([...Object.values(TYPE_BY_STATUS), 'timeout_error']);

/** True for Anthropic's own error types ("overloaded_error" …). */
export function isAnthropicErrorType(type: string): boolean {
  return KNOWN_TYPES.has(type);
}

/** The error `type` for an HTTP status: other 4xx → invalid_request_error, other 5xx → api_error. */
export function errorTypeForStatus(status: number): string {
  return TYPE_BY_STATUS[status] ?? (status >= 400 && status < 500 ? 'invalid_request_error' : 'api_error');
}

/** Reads an Anthropic error body (object or JSON text); undefined when it is not one. */
export function decodeError(body: unknown): IrErrorInfo | undefined {
  let value = body;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  const parsed = errorBodySchema.safeParse(value);
  if (!parsed.success) return undefined;
  const { type, message } = parsed.data.error;
  if (type === undefined && message === undefined) return undefined;
  const info: IrErrorInfo = { message: message ?? type ?? '' };
  if (type !== undefined) info.type = type;
  return info;
}

/**
 * The error body Anthropic clients expect. The type follows the status; a `code` that is
 * itself an Anthropic error type (e.g. "overloaded_error" relayed from upstream) wins.
 */
export function encodeError(status: number, message: string, code?: string): Record<string, unknown> {
  const type = code !== undefined && isAnthropicErrorType(code) ? code : errorTypeForStatus(status);
  const body: AnthropicErrorBody = { type: 'error', error: { type, message } };
  return { ...body };
}
