import createClient from 'openapi-fetch';
import type { paths } from './schema';

/**
 * The one door from the web app to the server. Types come from the server's OpenAPI document
 * (schema.d.ts, checked against the live document by packages/server/test/web-api-types.test.ts),
 * so a renamed field or route fails the type check instead of failing in a browser.
 */

/** An answer that was not a success, in one shape whatever went wrong. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The server's `/api` error body: `{ error: { code, message } }`. */
function isApiErrorBody(body: unknown): body is { error: { code: string; message: string } } {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = (body as { error: unknown }).error;
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string';
}

/** Maps a failed answer to an ApiError; a body that is not the server's (a proxy's page) keeps its status. */
function toApiError(status: number, body: unknown): ApiError {
  if (isApiErrorBody(body)) return new ApiError(status, body.error.code, String(body.error.message ?? ''));
  return new ApiError(status, `http_${status}`, typeof body === 'string' && body ? body.slice(0, 200) : `HTTP ${status}`);
}

/** A typed client for a server at baseUrl ('' = this origin), sending the session cookie. */
export function createApi(baseUrl: string, fetchImpl?: typeof fetch) {
  return createClient<paths>({ baseUrl, credentials: 'include', ...(fetchImpl ? { fetch: fetchImpl } : {}) });
}

/** The data of a successful answer, or an ApiError (status 0, `network_error`, when nothing answered). */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'network_error', err instanceof Error ? err.message : String(err));
  }
  if (!result.response.ok) throw toApiError(result.response.status, result.error);
  return result.data as T;
}

/** Where the API lives: VITE_API_BASE at build time (front end hosted elsewhere, O-7), else this origin. */
export const apiBase = (import.meta.env.VITE_API_BASE ?? '').replace(/\/+$/, '');

export const api = createApi(apiBase);
