import type { z } from 'zod';
import { describeIssue } from '../../echo.js';
import { IrInputError, type IrErrorInfo } from '../../ir.js';
import type { ResponsesErrorBody } from './schema.js';

/**
 * Errors of the OpenAI Responses API: the `{error:{message,type,param,code}}` envelope of
 * HTTP error bodies, the stream's `error` event and `response.failed` payload, and the
 * IrInputError messages the decoders throw for bodies that do not match the wire format.
 */

/** Renders zod issues as one readable line, each prefixed with its path: `input.2.call_id: …`. */
export function describeIssues(error: z.ZodError, prefix = ''): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => describeIssue(issue, prefix))
    .join('; ');
}

/** Validates `value` or throws IrInputError naming the field (`path` prefixes the issue paths). */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, path = ''): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new IrInputError(describeIssues(result.error, path));
  return result.data;
}

/**
 * OpenAI's `error.type` for an HTTP status. OpenAI itself answers 400/404/409/422 with
 * `invalid_request_error` (a missing model is `invalid_request_error` + code `model_not_found`)
 * and 5xx with `server_error`; 401/403/429 use the names the gateway's /v1 errors use.
 */
export function errorTypeForStatus(status: number): string {
  if (status === 401) return 'authentication_error';
  if (status === 403) return 'permission_error';
  if (status === 429) return 'rate_limit_error';
  if (status >= 500) return 'server_error';
  return 'invalid_request_error';
}

export function encodeError(status: number, message: string, code?: string): ResponsesErrorBody {
  return { error: { message, type: errorTypeForStatus(status), param: null, code: code ?? null } };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

function info(message: string, type: string | undefined, code: string | undefined): IrErrorInfo {
  const out: IrErrorInfo = { message };
  if (type !== undefined) out.type = type;
  if (code !== undefined) out.code = code;
  return out;
}

/**
 * Reads an error from any of the shapes the Responses API uses:
 * - HTTP error body `{error:{message, type, param, code}}` (also `error` as a bare string);
 * - a failed Response object (`status: 'failed'`, `error: {code, message}`);
 * - the stream `error` event `{type:'error', code, message, param}` and its nested variant
 *   `{type:'error', error:{…}}`;
 * - the `response.failed` event `{type:'response.failed', response:{error:{…}}}`.
 * Returns undefined for anything else (including a Response whose `error` is null).
 */
export function decodeError(body: unknown): IrErrorInfo | undefined {
  if (!isRecord(body)) return undefined;
  const err = body.error;
  if (isRecord(err)) {
    const message = str(err.message) ?? str(err.code) ?? 'unknown error';
    return info(message, str(err.type), str(err.code));
  }
  if (typeof err === 'string' && err !== '') return info(err, undefined, undefined);
  if (body.type === 'error' && typeof body.message === 'string') {
    return info(body.message, 'error', str(body.code));
  }
  if (body.type === 'response.failed' && isRecord(body.response)) {
    const nested = decodeError(body.response);
    return nested ?? info('the response failed', undefined, undefined);
  }
  return undefined;
}
