import type { FastifyReply } from 'fastify';
import type { AttemptContext } from './attempt.js';
import { SseWriter } from './sse-writer.js';

/** The response head of every SSE answer: headers set on the reply so far, then the stream's own. */
export function sseHead(reply: FastifyReply, requestId: string): Record<string, string> {
  return {
    ...(reply.getHeaders() as Record<string, string>),
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
    'x-request-id': requestId,
  };
}

/** The caller's side of a stream: SSE headers sent on the first write, keep-alive comments while quiet. */
export function openStreamWriter(ctx: AttemptContext): SseWriter {
  const { call, deps } = ctx;
  const reply = call.reply;
  const writer = new SseWriter(reply.raw, () => {
    reply.hijack();
    reply.raw.writeHead(200, sseHead(reply, call.requestId));
  });
  writer.startKeepAlive(deps.keepAliveIntervalMs);
  return writer;
}
