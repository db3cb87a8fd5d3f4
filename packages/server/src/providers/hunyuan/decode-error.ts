import type { IrErrorInfo } from '@switchboard/protocol';

/**
 * Reads a Hunyuan error. Tencent Cloud API 3.0 answers failures with HTTP 200 and
 * `{Response: {Error: {Code, Message}, RequestId}}` (e.g. `AuthFailure.SignatureFailure`);
 * a stream that fails midway sends `{ErrorMsg: {Msg, Code}}`. Both shapes are accepted
 * wrapped in `Response` or bare. Anything else is not an error: undefined.
 */
export function decodeError(body: unknown): IrErrorInfo | undefined {
  if (!isRecord(body)) return undefined;
  const inner = isRecord(body.Response) ? body.Response : body;
  const api = inner.Error;
  if (isRecord(api) && (typeof api.Code === 'string' || typeof api.Message === 'string')) {
    const code = typeof api.Code === 'string' && api.Code !== '' ? api.Code : undefined;
    const info: IrErrorInfo = { message: typeof api.Message === 'string' && api.Message !== '' ? api.Message : (code ?? 'upstream error') };
    if (code !== undefined) {
      info.code = code;
      // "AuthFailure.SignatureFailure" → type "AuthFailure": the category Tencent documents.
      info.type = code.split('.')[0] ?? code;
    }
    return info;
  }
  const stream = inner.ErrorMsg;
  if (isRecord(stream) && (typeof stream.Msg === 'string' || typeof stream.Code === 'number')) {
    const info: IrErrorInfo = { message: typeof stream.Msg === 'string' && stream.Msg !== '' ? stream.Msg : 'upstream stream error' };
    if (typeof stream.Code === 'number') info.code = String(stream.Code);
    return info;
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
