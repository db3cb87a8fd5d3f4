import type { Socket } from 'node:net';
import { STATUS_CODES, type ServerResponse } from 'node:http';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import { clipped } from '@switchboard/protocol';
import { AppError } from './errors.js';
import { errorBody, errorShapeForPath, type CodecSource, type ErrorShape } from './error-shape.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The code of the error this request was answered with (for the request log); null otherwise. */
    errorCode: string | null;
  }
}

/**
 * Every error leaves as JSON with the right status in its route family's shape (error-shape.ts):
 * the errors routes throw, and the ones Fastify and Node raise themselves (404, bad URL,
 * parameter too long, body parse errors, body too large, wrong content type, malformed
 * requests, header overflow, request timeout, a closing server). Never an HTML page, never a
 * stack trace.
 */
export function installErrorHandling(
  app: FastifyInstance,
  codecs: CodecSource,
  /** Tried first for an unmatched request: the web app's pages (http/web-app.ts); undefined = not a page. */
  servePage?: (request: FastifyRequest, reply: FastifyReply) => FastifyReply | undefined,
): void {
  app.decorateRequest('errorCode', null);
  app.setErrorHandler((err: FastifyError | AppError | Error, request, reply) => {
    const appError = toAppError(err);
    if (appError.status >= 500 && !(err instanceof AppError)) request.log.error({ err }, 'unhandled error');
    return send(request, reply, appError, codecs);
  });
  app.setNotFoundHandler(
    (request, reply) =>
      servePage?.(request, reply) ??
      send(request, reply, new AppError(404, 'not_found', `no route for ${request.method} ${clipped(request.url.split('?', 1)[0]!)}`), codecs),
  );
  // Fastify's own 503 while closing is fixed text in its shape (return503OnClosing is off in
  // app.ts); this answers instead, once close() has begun.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onRequest', (request, reply, done) => {
    if (!closing) return done();
    reply.header('connection', 'close');
    done(new AppError(503, 'shutting_down', 'this server is shutting down; send the request again'));
  });
}

/**
 * Fastify options that route its router-level failures through the same shapes: a URL that
 * does not decode, a path parameter over `maxParamLength`, and what Node refuses before any
 * route (malformed request, headers too large, request timeout).
 */
export function frameworkErrorOptions(
  codecs: CodecSource,
): Pick<FastifyServerOptions, 'frameworkErrors' | 'clientErrorHandler' | 'return503OnClosing'> {
  return {
    return503OnClosing: false,
    frameworkErrors(err, request, reply) {
      const appError = toAppError(err);
      if (appError.status >= 500) request.log.error({ err }, 'router error');
      void send(request, reply, appError, codecs);
    },
    clientErrorHandler(err: NodeJS.ErrnoException, socket: Socket) {
      void answerClientError(err, socket, codecs);
    },
  };
}

function shapeOf(request: FastifyRequest): ErrorShape {
  return request.errorProtocol ?? errorShapeForPath(request.url);
}

async function send(request: FastifyRequest, reply: FastifyReply, error: AppError, codecs: CodecSource): Promise<FastifyReply> {
  if (reply.sent || reply.raw.headersSent) {
    // A streamed answer is already under way; the relay ends it with an error event itself.
    if (!reply.raw.writableEnded) reply.raw.end();
    return reply;
  }
  request.errorCode = error.code;
  if (error.headers) reply.headers(error.headers);
  return reply.code(error.status).send(await errorBody(shapeOf(request), error, codecs));
}

function toAppError(err: FastifyError | AppError | Error): AppError {
  if (err instanceof AppError) return err;
  const fe = err as FastifyError;
  switch (fe.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError(400, 'invalid_json', `the request body is not valid JSON: ${clipped(fe.message, 200)}`);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError(413, 'request_too_large', 'the request body is larger than this server accepts (BODY_LIMIT_MB)');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError(415, 'unsupported_media_type', 'send the request body as application/json');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError(400, 'invalid_content_length', 'the Content-Length header does not match the body');
    case 'FST_ERR_BAD_URL':
      return new AppError(400, 'invalid_url', 'the URL path is not valid (malformed percent-encoding)');
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return new AppError(414, 'path_too_long', 'a segment of the URL path is longer than 100 characters');
  }
  if (err instanceof SyntaxError) return new AppError(400, 'invalid_json', `the request body is not valid JSON: ${clipped(err.message, 200)}`);
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return new AppError(fe.statusCode, 'bad_request', fe.message);
  }
  return new AppError(500, 'internal_error', 'internal server error');
}

/** The response of a request Node already handed to Fastify, if it has one (a timeout mid-body). */
interface SocketWithResponse extends Socket {
  _httpMessage?: (ServerResponse & { req?: { url?: string } }) | null;
}

/**
 * What Node's HTTP parser refuses never reaches a route: answered here on the raw socket. The
 * path is known only when the request line was already read; without it the answer is OpenAI's
 * envelope, which carries `code` and `message` as /api clients read them too.
 */
async function answerClientError(err: NodeJS.ErrnoException, socket: SocketWithResponse, codecs: CodecSource): Promise<void> {
  // A reset connection has no one to answer.
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const response = socket._httpMessage;
  if (!socket.writable || response?.headersSent) {
    socket.destroy();
    return;
  }
  const error =
    err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? new AppError(408, 'request_timeout', 'the request was not received in time')
      : err.code === 'HPE_HEADER_OVERFLOW'
        ? new AppError(431, 'headers_too_large', 'the request headers are larger than this server accepts')
        : new AppError(400, 'bad_request', 'the request is not valid HTTP');
  const url = response?.req?.url;
  const body = JSON.stringify(await errorBody(url === undefined ? 'openai-chat' : errorShapeForPath(url), error, codecs));
  if (socket.writable) {
    socket.end(
      `HTTP/1.1 ${error.status} ${STATUS_CODES[error.status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroySoon();
}
