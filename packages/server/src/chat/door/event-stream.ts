import type { FastifyReply } from 'fastify';

/** A server-sent event stream on a reply that Fastify hands over: head at once, then events. */
export interface EventStream {
  send(event: string, data: unknown, id?: string): void;
  onClose(listener: () => void): void;
  end(): void;
}

export function openEventStream(reply: FastifyReply): EventStream {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  return {
    send(event, data, id) {
      if (!res.destroyed) res.write(`${id ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    onClose(listener) {
      res.on('close', () => {
        if (!res.writableFinished) listener();
      });
    },
    end() {
      if (!res.destroyed) res.end();
    },
  };
}
