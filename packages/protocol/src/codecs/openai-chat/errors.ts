import type { IrErrorInfo } from '../../ir.js';

/**
 * Reads an OpenAI-style error body or in-stream error data:
 * `{error: {message, type, code}}` (OpenAI; OpenRouter sends a numeric `code`),
 * `{error: "text"}`, a bare `{message, type, code}` (vLLM) or `{detail: "text"}`
 * (FastAPI-based servers). Anything else is not an error body: undefined.
 */
export function decodeError(body: unknown): IrErrorInfo | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const b = body as Record<string, unknown>;
  const e = b.error;
  if (typeof e === 'string') return info(e, b.type, b.code);
  if (typeof e === 'object' && e !== null && !Array.isArray(e)) {
    const o = e as Record<string, unknown>;
    const message = typeof o.message === 'string' && o.message !== '' ? o.message : JSON.stringify(o);
    return info(message, o.type, o.code);
  }
  if (typeof b.message === 'string' && b.choices === undefined) return info(b.message, b.type, b.code);
  if (typeof b.detail === 'string') return info(b.detail, undefined, undefined);
  return undefined;
}

function info(message: string, type: unknown, code: unknown): IrErrorInfo {
  const out: IrErrorInfo = { message };
  if (typeof type === 'string' && type !== '') out.type = type;
  if (typeof code === 'string' && code !== '') out.code = code;
  else if (typeof code === 'number') out.code = String(code);
  return out;
}

/**
 * OpenAI's error `type` for an HTTP status. The official SDKs pick the exception class
 * from the status alone and pass `type`/`code` through as strings, so any value works for
 * them; these are the names OpenAI documents. (api.openai.com itself answers 401 with
 * `invalid_request_error` + code `invalid_api_key`; the code is the caller's to give.)
 */
export function errorType(status: number): string {
  if (status === 401) return 'authentication_error';
  if (status === 403) return 'permission_error';
  if (status === 429) return 'rate_limit_error';
  if (status >= 500) return 'server_error';
  return 'invalid_request_error';
}

/** `{error: {message, type, param: null, code}}`, the envelope every OpenAI client reads. */
export function encodeError(status: number, message: string, code?: string): Record<string, unknown> {
  return { error: { message, type: errorType(status), param: null, code: code ?? null } };
}
