import type { IrUsage } from '@switchboard/protocol';
import type { Logger } from 'pino';
import type { RelayCaller } from '../relay-caller.js';
import { isAdmin } from '../../principal.js';
import type { TokenUsage } from '../../providers/usage.js';
import type { InboundRequest } from '../generate/inbound.js';
import { AnswerCapture } from './answer-capture.js';
import type { AnswerStore, Slots } from './answer-store.js';
import { requestKey } from './cache-key.js';
import { ModelPolicy, uncacheableReason, type CacheSettings, type PriceModeOf } from './cache-policy.js';
import { parseAnswer, serializeAnswer, type CachedAnswer } from './cached-answer.js';

/** The largest answer stored, as serialized JSON (characters); bigger answers are served but not kept. */
const MAX_ANSWER_CHARS = 512 * 1024;
/** What an attempt may collect before giving up on storing (stream events carry JSON overhead). */
const MAX_CAPTURE_CHARS = 4 * MAX_ANSWER_CHARS;

interface CacheHit {
  kind: 'hit';
  answer: CachedAnswer;
}

/** A cacheable call that must go upstream; its answer fills one of the empty slots. */
export interface CacheMiss {
  kind: 'miss';
  /** A fresh collector for the next attempt (a failed-over attempt's leftovers are dropped). */
  attempt(): AnswerCapture;
  /**
   * The call succeeded and reached the client whole: store the last attempt's answer if it
   * is complete. `delivered` stands in for the usage of an upstream that reported none.
   * Never throws; the write happens in the background.
   */
  complete(delivered: TokenUsage): void;
}

export type CacheLookup = CacheHit | CacheMiss;

export interface ResponseCacheDeps {
  settings: { get(name: 'response_cache'): CacheSettings };
  prices: { priceOf: PriceModeOf };
  store: AnswerStore;
  log: Logger;
  random?: () => number;
}

/**
 * The response cache (B-7). A cacheable call — a cached model, a cacheable request, a caller
 * who may use the model — is looked up by its request key; when all `size` slots hold an
 * answer one of them is replayed, otherwise the call goes upstream and its complete answer
 * fills a random empty slot for `ttl_sec`.
 */
export class ResponseCache {
  private readonly policy = new ModelPolicy();
  private readonly random: () => number;
  private readonly priceOf: PriceModeOf;
  private readonly writing = new Set<Promise<void>>();

  constructor(private readonly deps: ResponseCacheDeps) {
    this.random = deps.random ?? Math.random;
    this.priceOf = (model) => deps.prices.priceOf(model);
  }

  /**
   * Undefined (synchronously, at no cost) when the call is not cacheable; otherwise a hit or
   * a miss. A cache that cannot be read (Redis down) makes the call uncacheable, never failed.
   */
  lookup(call: { inbound: InboundRequest; caller: RelayCaller }): Promise<CacheLookup | undefined> | undefined {
    const settings = this.deps.settings.get('response_cache');
    if (settings.preset === 'none' && settings.models.length === 0) return undefined;
    const { inbound, caller } = call;
    if (!this.policy.caches(settings, inbound.model, this.priceOf)) return undefined;
    // Hits are free, but only where the call itself would be let in: an unpriced model is for administrators.
    if (!this.priceOf(inbound.model) && !isAdmin(caller.user)) return undefined;
    if (uncacheableReason(inbound.codec.protocol, inbound.body) !== undefined) return undefined;
    return this.find(inbound, settings);
  }

  /** Drops every stored answer. */
  flush(): Promise<void> {
    return this.deps.store.flush();
  }

  /** Resolves once every answer being stored now is written (before the Kv closes at shutdown; in tests). */
  async writes(): Promise<void> {
    while (this.writing.size) await Promise.all(this.writing);
  }

  private async find(inbound: InboundRequest, settings: CacheSettings): Promise<CacheLookup | undefined> {
    let slots: Slots;
    try {
      slots = await this.deps.store.slots(requestKey(inbound), settings.size);
    } catch (err) {
      this.deps.log.warn({ err }, 'response cache unavailable; calling upstream');
      return undefined;
    }
    const filled: CachedAnswer[] = [];
    const empty: number[] = [];
    slots.values.forEach((value, slot) => {
      const answer = value === null ? undefined : parseAnswer(value);
      if (answer) filled.push(answer);
      else empty.push(slot);
    });
    if (empty.length === 0) return { kind: 'hit', answer: filled[Math.floor(this.random() * filled.length)]! };
    return this.miss(slots, empty, settings.ttl_sec * 1000);
  }

  private miss(slots: Slots, empty: number[], ttlMs: number): CacheMiss {
    let current: AnswerCapture | undefined;
    return {
      kind: 'miss',
      attempt: () => (current = new AnswerCapture(MAX_CAPTURE_CHARS)),
      complete: (delivered) => {
        const capture = current;
        if (!capture) return;
        try {
          let answer = capture.answer();
          if (!answer) return;
          if (!answer.usage) answer = { ...answer, usage: irUsageOf(delivered) };
          const text = serializeAnswer(answer);
          if (text.length > MAX_ANSWER_CHARS) return;
          const slot = empty[Math.floor(this.random() * empty.length)]!;
          const write = slots
            .put(slot, text, ttlMs)
            .catch((err: unknown) => this.deps.log.warn({ err }, 'response cache write failed'))
            .finally(() => this.writing.delete(write));
          this.writing.add(write);
        } catch (err) {
          this.deps.log.warn({ err }, 'response cache: answer not stored');
        }
      },
    };
  }
}

function irUsageOf(u: TokenUsage): IrUsage {
  const usage: IrUsage = { input: u.promptTokens, output: u.completionTokens };
  if (u.reasoningTokens) usage.reasoning = u.reasoningTokens;
  return usage;
}
