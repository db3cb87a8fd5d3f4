import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { OpenAIErrorBody } from '@switchboard/protocol';
import { loadedCodec } from '../relay/routes/codecs.js';
import { AppError, openAIErrorType } from './errors.js';

/**
 * Every error leaves as JSON with the right status: the caller's protocol's shape on /v1
 * (OpenAI's envelope by default, Anthropic's on /v1/messages, Google's on /v1beta), and
 * `{error:{code,message}}` on /api. Never an HTML page, never a stack trace.
 */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError | Error, request, reply) => {
    const appError = toAppError(err);
    if (appError.status >= 500 && !(err instanceof AppError)) request.log.error({ err }, 'unhandled error');
    send(request, reply, appError);
  });
  app.setNotFoundHandler((request, reply) => {
    send(request, reply, new AppError(404, 'not_found', `no route for ${request.method} ${request.url.split('?')[0]}`));
  });
}

function isV1(url: string): boolean {
  return url.startsWith('/v1/') || url === '/v1' || url.startsWith('/v1?');
}

function send(request: FastifyRequest, reply: FastifyReply, error: AppError): void {
  if (reply.sent || reply.raw.headersSent) {
    // A streamed answer is already under way; the relay ends it with an error event itself.
    if (!reply.raw.writableEnded) reply.raw.end();
    return;
  }
  if (error.headers) reply.headers(error.headers);
  reply.code(error.status);
  // Anthropic and Gemini clients parse their own error objects (the route loaded the codec in onRequest).
  const protocol = request.errorProtocol;
  const codec = protocol && protocol !== 'openai-chat' && protocol !== 'openai-responses' ? loadedCodec(protocol) : undefined;
  if (codec) {
    void reply.send(codec.encodeError(error.status, error.message, error.code));
  } else if (protocol || isV1(request.url) || request.url.startsWith('/v1beta/')) {
    const body: OpenAIErrorBody = { error: { message: error.message, type: openAIErrorType(error.status, error.type), param: null, code: error.code } };
    void reply.send(body);
  } else {
    void reply.send({ error: { code: error.code, message: error.message } });
  }
}

function toAppError(err: FastifyError | AppError | Error): AppError {
  if (err instanceof AppError) return err;
  const fe = err as FastifyError;
  switch (fe.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError(400, 'invalid_json', `the request body is not valid JSON: ${fe.message}`);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError(413, 'request_too_large', 'the request body is larger than this server accepts (BODY_LIMIT_MB)');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError(415, 'unsupported_media_type', 'send the request body as application/json');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError(400, 'invalid_content_length', 'the Content-Length header does not match the body');
  }
  if (err instanceof SyntaxError) return new AppError(400, 'invalid_json', `the request body is not valid JSON: ${err.message}`);
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return new AppError(fe.statusCode, 'bad_request', fe.message);
  }
  return new AppError(500, 'internal_error', 'internal server error');
}
