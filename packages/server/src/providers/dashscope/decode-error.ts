import type { IrErrorInfo } from '@switchboard/protocol';

/**
 * Reads a DashScope error: `{code, message, request_id}`, both as an HTTP error body and
 * as the data of an `event:error` stream event. A body with `output` is an answer, not an
 * error, whatever else it holds. The code ("InvalidApiKey", "Arrearage", "Throttling.RateQuota" …)
 * is both `code` and `type`, since DashScope has no separate type.
 */
export function decodeError(body: unknown): IrErrorInfo | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const b = body as Record<string, unknown>;
  if (b.output !== undefined && b.output !== null) return undefined;
  const code = typeof b.code === 'string' && b.code !== '' ? b.code : undefined;
  const message = typeof b.message === 'string' && b.message !== '' ? b.message : undefined;
  if (code === undefined && message === undefined) return undefined;
  const info: IrErrorInfo = { message: message ?? code ?? 'upstream error' };
  if (code !== undefined) {
    info.code = code;
    info.type = code;
  }
  return info;
}
