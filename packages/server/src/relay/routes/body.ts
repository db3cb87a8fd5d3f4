import type { FastifyReply, FastifyRequest } from 'fastify';
import { describeZodError, type IssueFormat } from '@switchboard/protocol';
import type { z } from 'zod';
import { ReplyOutput } from './reply-output.js';
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

/**
 * Checks the envelope of a body (what the relay reads before routing, see the protocol
 * package's envelopes.ts); a bad one is a 400 naming the fields. Everything else passes.
 */
export function checkEnvelope<S extends z.ZodType>(schema: S, body: Record<string, unknown>, format?: IssueFormat): z.output<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new AppError(400, 'invalid_request', describeZodError(parsed.error, format));
  return parsed.data;
}

/** The relay call of one HTTP request: a fresh request id, the caller and what it sent. */
export function relayCallOf(request: FastifyRequest, reply: FastifyReply, caller: ResolvedKey, inbound: InboundRequest, startedAt: number): GenerationCall {
  const length = Number(request.headers['content-length']);
  const requestId = nextRequestId();
  return {
    requestId,
    caller,
    inbound,
    ip: request.ip,
    output: new ReplyOutput(reply, requestId),
    startedAt,
    bodyBytes: Number.isFinite(length) && length > 0 ? length : 0,
    viaApi: true,
  };
}
