import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import type { CallOutput, StreamSink } from '../generate/call-output.js';
import { SseWriter } from './sse-writer.js';

/**
 * The HTTP door's output: a relayed call's answer written to the caller's own response.
 * Headers set before the answer (dropped features, cache state) go out with it; a stream
 * takes the response over from Fastify on its first write.
 */
export class ReplyOutput implements CallOutput {
  constructor(
    private readonly reply: FastifyReply,
    private readonly requestId: string,
  ) {}

  header(name: string, value: string | undefined): void {
    if (value !== undefined) this.reply.header(name, value);
    else if (this.reply.hasHeader(name)) this.reply.removeHeader(name);
  }

  send(contentType: string, body: string | Readable): Promise<void> | void {
    const reply = this.reply.code(200).header('content-type', contentType).header('x-request-id', this.requestId);
    if (typeof body === 'string') {
      reply.send(body);
      return;
    }
    return sendStream(reply, body);
  }

  openStream(keepAliveMs: number): StreamSink {
    const reply = this.reply;
    const writer = new SseWriter(reply.raw, () => {
      reply.hijack();
      reply.raw.writeHead(200, {
        ...(reply.getHeaders() as Record<string, string>),
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
        'x-request-id': this.requestId,
      });
    });
    if (keepAliveMs > 0) writer.startKeepAlive(keepAliveMs);
    return writer;
  }

  onGone(listener: () => void): () => void {
    const raw = this.reply.raw;
    const onClose = () => {
      if (!raw.writableFinished) listener();
    };
    raw.on('close', onClose);
    return () => raw.off('close', onClose);
  }

  markLogged(): void {
    this.reply.request.relayLogs = true;
  }
}

async function sendStream(reply: FastifyReply, body: Readable): Promise<void> {
  try {
    await reply.send(body);
  } catch {
    // The client went away; the relay core sees the abort.
  }
}
