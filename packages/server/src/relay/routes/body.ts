import type { FastifyReply, FastifyRequest } from 'fastify';
import { IrInputError, type IrDecodeContext, type IrRequest, type ProtocolCodec } from '@switchboard/protocol';
import type { ResolvedKey } from '../../accounts/api-keys.js';
import { nextRequestId } from '../../crypto/tokens.js';
import type { GenerationCall } from '../generate/attempt.js';
import type { InboundRequest } from '../generate/inbound.js';
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

/** The relay call of one HTTP request: a fresh request id, the caller and what it sent. */
export function relayCallOf(request: FastifyRequest, reply: FastifyReply, caller: ResolvedKey, inbound: InboundRequest, startedAt: number): GenerationCall {
  const length = Number(request.headers['content-length']);
  return {
    requestId: nextRequestId(),
    caller,
    inbound,
    ip: request.ip,
    reply,
    startedAt,
    bodyBytes: Number.isFinite(length) && length > 0 ? length : 0,
    viaApi: true,
  };
}
