import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { clipped } from '@switchboard/protocol';
import { errorShapeForPath } from '../http/error-shape.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set once the relay has taken the call: it writes the call's own log line ('relay'). */
    relayLogs: boolean;
  }
}

/**
 * One log line at info for every /v1 and /v1beta request, so an operator can see why a client
 * fails. Calls the relay admits get its 'relay' line (channel, tokens, cost); this hook writes
 * one for everything else: requests refused before routing (a bad key, a bad body, an unknown
 * model, a limit, the balance), 404s, model lists and billing endpoints. It names the status,
 * the error code, the model and the key's id — never the key (the query, where Gemini callers
 * may put it, is left out) and never the body.
 */
export function installV1RequestLog(app: FastifyInstance, log: Logger): void {
  app.decorateRequest('relayLogs', false);
  app.addHook('onResponse', (request, reply, done) => {
    if (!request.relayLogs && errorShapeForPath(request.url) !== null) {
      log.info(
        {
          method: request.method,
          path: clipped(request.url.split('?', 1)[0]!, 200),
          http: reply.statusCode,
          code: request.errorCode ?? undefined,
          model: modelOf(request),
          key: request.caller?.keyId,
          user: request.caller?.user.id,
          ms: Math.round(reply.elapsedTime),
        },
        'request',
      );
    }
    done();
  });
}

function modelOf(request: FastifyRequest): string | undefined {
  const body = request.body as { model?: unknown } | null | undefined;
  return body && typeof body === 'object' && typeof body.model === 'string' ? clipped(body.model) : undefined;
}
