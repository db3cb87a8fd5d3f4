import { quoted } from '@switchboard/protocol';
import { z } from 'zod';
import type { PriceService } from '../../billing/price-service.js';
import type { ApiRoutes } from '../../http/api-routes.js';
import { forbidden } from '../../http/errors.js';
import { enforce } from '../../http/rate-limited.js';
import type { RateLimiter } from '../../kv/rate-limiter.js';
import type { Principal } from '../../principal.js';
import type { GenerationDeps } from '../../relay/generate/generate.js';
import type { SettingsService } from '../../settings/settings-service.js';
import { conversationSettings, DEFAULT_SETTINGS } from '../conversation-settings.js';
import { chatCall } from './chat-call.js';
import { chatRequest } from './chat-request.js';
import { EventStream, sseMessage } from '../../http/event-stream.js';

export interface AnonymousChatDeps {
  generation: GenerationDeps;
  prices: PriceService;
  settings: SettingsService;
  limiter: RateLimiter;
  keepAliveMs: number;
}

/** Who a signed-out chat is for: no account, the `anonymous` group, usage rows under user 0. */
const ANONYMOUS: Principal = { id: 0, username: 'anonymous', role: 'user', group: 'anonymous', status: 'active' };

const MAX_MESSAGES = 50;

const anonymousBody = z.object({
  model: z.string().trim().min(1).max(128),
  messages: z
    .array(z.object({ role: z.enum(['user', 'assistant']), content: z.string().max(20_000) }))
    .min(1)
    .max(MAX_MESSAGES)
    .refine((m) => m.at(-1)?.role === 'user', "the last message must be the user's")
    .describe('the conversation so far, oldest first, ending with the new user message; nothing is stored'),
  settings: conversationSettings.pick({ temperature: true, top_p: true, max_tokens: true, system_prompt: true }).partial().optional(),
});

/**
 * Anonymous chat (B-2): signed out, a model whose price is free and open to signed-out users
 * can be chatted with. Nothing is saved; each client address may send
 * `chat.anonymous_per_minute` messages a minute. The answer streams back as server-sent
 * events — `delta` and `reasoning` ({ text }), then `end` ({ status, finish_reason, error }).
 */
export function registerAnonymousChatRoute(routes: ApiRoutes, deps: AnonymousChatDeps): void {
  routes.add({
    method: 'POST',
    url: '/api/chat/anonymous',
    summary: 'Chat signed out with a model open to signed-out users (not saved; limited per client address). Answers text/event-stream.',
    tag: 'chat',
    access: 'public',
    body: anonymousBody,
    eventStream: '"delta" {text} and "reasoning" {text} as the answer grows, then "end" {status, finish_reason, error}',
    async handler({ body, request, reply }) {
      const price = deps.prices.priceOf(body.model);
      if (!price || price.mode !== 'free' || !price.anonymous) {
        throw forbidden(`model ${quoted(body.model)} needs you to sign in`, 'sign_in_required');
      }
      const perMinute = deps.settings.get('chat').anonymous_per_minute;
      if (perMinute === 0) throw forbidden('chatting signed out is turned off here; sign in to chat', 'sign_in_required');
      await enforce(deps.limiter, { name: 'chat-anonymous', limit: perMinute, windowMs: 60_000 }, request.ip, `at most ${perMinute} messages a minute may be sent signed out`);

      const settings = { ...DEFAULT_SETTINGS, ...body.settings, context_length: MAX_MESSAGES };
      const path = body.messages.map((m) => ({ ...m, attachments: null, status: 'done' }));
      const ir = chatRequest(settings, path, body.model, true);
      // Not a job: the answer lives only as long as this request, and a visitor who leaves stops it.
      const stop = new AbortController();
      reply.hijack();
      const stream = new EventStream(reply.raw, deps.keepAliveMs, reply.getHeaders());
      const onClose = () => {
        if (!reply.raw.writableFinished) stop.abort();
      };
      reply.raw.on('close', onClose);
      const result = await chatCall(deps.generation, { user: ANONYMOUS, ip: request.ip, ir, stop: stop.signal }, (piece) => {
        if (piece.type === 'text' || piece.type === 'reasoning') stream.write(sseMessage(piece.type === 'text' ? 'delta' : 'reasoning', JSON.stringify({ text: piece.text })));
      });
      reply.raw.off('close', onClose);
      stream.write(sseMessage('end', JSON.stringify({ status: result.status, finish_reason: result.finishReason, error: result.error })));
      stream.end();
      return reply;
    },
  });
}
