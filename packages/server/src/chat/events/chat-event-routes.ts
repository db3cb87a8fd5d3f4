import { z } from 'zod';
import type { ApiRoutes, Authenticate } from '../../http/api-routes.js';
import { EventStream, sseMessage } from '../../http/event-stream.js';
import { conversationChange, type ChatChangeStream } from './chat-change-stream.js';

export interface ChatEventRouteDeps {
  changes: ChatChangeStream;
  keepAliveMs: number;
  /** Aborted when the server starts closing: open streams end, so the close does not wait on them. */
  shutdown: AbortSignal;
  /** Asked again at every keep-alive: the stream ends with the session it was opened with. */
  authenticate: Authenticate;
}

/** A client this far behind is dropped rather than buffered for; it reconnects and syncs with ?since=. */
const MAX_BACKLOG_BYTES = 256 * 1024;

/** The per-user change stream (W-9): open tabs and devices learn that a conversation changed. */
export function registerChatEventRoutes(routes: ApiRoutes, deps: ChatEventRouteDeps): void {
  routes.add({
    method: 'GET',
    url: '/api/chat/events',
    summary: "The caller's conversation changes as they happen, as Server-Sent Events, until the session ends; after a change, fetch the conversations with ?since=.",
    tag: 'chat',
    access: 'user',
    eventStream: `"event: changed" with data ${JSON.stringify(z.toJSONSchema(conversationChange))}, and ": keep-alive" comments while quiet`,
    async handler({ principal, request, reply }) {
      const userId = principal!.id;
      reply.hijack();
      // Headers already set for this request (CORS) go out with the stream's head.
      const stream = new EventStream(reply.raw, deps.keepAliveMs, reply.getHeaders());
      await new Promise<void>((resolve) => {
        const unlisten = deps.changes.listen(userId, (change) => {
          if (stream.backlog > MAX_BACKLOG_BYTES) finish();
          else stream.write(sseMessage('changed', JSON.stringify(change)));
        });
        const recheck = setInterval(() => {
          deps.authenticate(request).then(
            (caller) => {
              if (caller?.id !== userId) finish();
            },
            () => {}, // the session store is unreachable: keep the stream; the next check decides
          );
        }, deps.keepAliveMs);
        recheck.unref();
        function finish() {
          unlisten();
          clearInterval(recheck);
          reply.raw.off('close', finish);
          deps.shutdown.removeEventListener('abort', finish);
          stream.end();
          resolve();
        }
        reply.raw.once('close', finish);
        deps.shutdown.addEventListener('abort', finish);
        if (deps.shutdown.aborted) finish();
      });
    },
  });
}
