import { IrInputError, type IrDecodeContext, type IrRequest, type ProtocolCodec } from '@switchboard/protocol';
import { AppError } from '../../http/errors.js';

/** The request body as a JSON object, or a 400 that says what is wrong. */
export function objectBody(body: unknown): Record<string, unknown> {
  if (body === undefined || body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new AppError(400, 'invalid_body', 'the request body must be a JSON object');
  }
  return body as Record<string, unknown>;
}

/** Validates and decodes a body with the caller's codec; a bad body is a 400 naming the field. */
export function decodeBody(codec: ProtocolCodec, body: Record<string, unknown>, ctx?: IrDecodeContext): IrRequest {
  try {
    return codec.decodeRequest(body, ctx);
  } catch (err) {
    if (err instanceof IrInputError) throw new AppError(400, 'invalid_request', err.message);
    throw err;
  }
}
