/**
 * One error type for everything a caller is told. Routes throw it; the error handler
 * renders it as OpenAI's envelope on /v1 and as `{error:{code,message}}` on /api.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** OpenAI `error.type`; derived from the status when omitted. */
    readonly type?: string,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export function openAIErrorType(status: number, explicit?: string): string {
  if (explicit) return explicit;
  if (status === 401) return 'authentication_error';
  if (status === 403) return 'permission_error';
  if (status === 429) return 'rate_limit_error';
  if (status >= 500) return 'upstream_error';
  return 'invalid_request_error';
}

export const badRequest = (message: string, code = 'invalid_request') => new AppError(400, code, message);
export const notFound = (message: string, code = 'not_found') => new AppError(404, code, message);
export const unauthorized = (message: string, code = 'unauthorized') => new AppError(401, code, message);
export const forbidden = (message: string, code = 'forbidden') => new AppError(403, code, message);
