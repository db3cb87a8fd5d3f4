// Public types of the mock upstream. Kept apart from the implementation so the
// server's tests can import them without pulling in node:http.

export interface MockUsage {
  prompt_tokens: number;
  completion_tokens: number;
  prompt_tokens_details?: { cached_tokens: number };
  completion_tokens_details?: { reasoning_tokens: number };
}

export interface MockToolCall {
  name: string;
  /** JSON text exactly as the model would emit it; streamed in fragments. */
  arguments: string;
  /** Defaults to a random `call_…` id, like OpenAI. */
  id?: string;
}

/**
 * How the mock answers one chat request. A queued script replaces `defaults`
 * entirely (fields are not merged) so each test states the whole behaviour it needs.
 */
export interface MockScript {
  /** >= 400: reply with this status and an OpenAI-shaped error body. Lower values are ignored. */
  status?: number;
  /** Replaces the error JSON body; a string is sent raw as text/plain (e.g. an HTML proxy page). */
  errorBody?: unknown;
  /** Replaces only `error.message` in the default error body. */
  errorMessage?: string;
  /**
   * reset: destroy the socket without any response.
   * midstream: headers + `failAfterChunks` data events, then destroy the socket
   *   (non-stream requests get headers + half the JSON body).
   * hang: headers (stream) or nothing (non-stream), never finishes until the client aborts.
   */
  fault?: 'reset' | 'midstream' | 'hang';
  /** Data events (role chunk included) written before a `midstream` fault. Default 2. */
  failAfterChunks?: number;
  /** The assistant answer; split into ~5 deltas on word boundaries. */
  text?: string;
  /** Explicit content deltas; overrides splitting `text`. */
  chunks?: string[];
  /** Streamed before the content as `reasoning_content` deltas (DeepSeek style). */
  reasoning?: string;
  /** Answer with tool calls instead of text. */
  toolCalls?: MockToolCall[];
  /** Delay before the response headers (applies to errors and faults too). */
  latencyMs?: number;
  /** Delay between stream events. */
  chunkDelayMs?: number;
  /** false = never report usage; an object overrides the computed counts. */
  usage?: MockUsage | false;
  /** Default "stop", or "tool_calls" when `toolCalls` is set. */
  finishReason?: string;
  /** Model to echo; default the request's model. */
  model?: string;
  /** Write `: keep-alive` SSE comments between events, as OpenRouter does. */
  keepAliveComments?: boolean;
}

export interface MockOpenAIOptions {
  /** Default 0 (random). The mock always binds 127.0.0.1. */
  port?: number;
  /** When set, requests whose bearer token is not listed get 401 invalid_api_key. */
  apiKeys?: string[];
  /** Served by GET /v1/models. Default ["gpt-4o-mini", "gpt-4o"]. */
  models?: string[];
  /** Behaviour when no script is queued. */
  defaults?: MockScript;
  /** Record every request in `requests`. Default true; the load-test CLI turns it off. */
  capture?: boolean;
}

export interface CapturedRequest {
  method: string;
  /** Path including the query string. */
  path: string;
  /** Lower-cased header names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** Parsed JSON, the raw string if not JSON, undefined if empty (or not yet fully received). */
  body: unknown;
  /** Date.now() when the request arrived. */
  at: number;
}

export interface MockStats {
  /** Responses written completely (errors and /v1/models included). */
  completed: number;
  /** Client closed the connection before the mock finished its response. */
  aborted: number;
  /** Requests currently in flight. */
  active: number;
  /** Connections the mock destroyed on purpose (reset/midstream faults); not counted as aborted. */
  faulted: number;
}

export interface MockOpenAI {
  /** Base URL including /v1, e.g. "http://127.0.0.1:41234/v1". */
  url: string;
  /** e.g. "http://127.0.0.1:41234". */
  origin: string;
  /** Every request received, in arrival order. Cleared in place by reset(). */
  requests: CapturedRequest[];
  /** The next chat requests consume these in FIFO order; then `defaults` apply. */
  enqueue(...scripts: MockScript[]): void;
  setDefaults(script: MockScript): void;
  /** Clears the queue, captured requests and the completed/aborted/faulted counters. */
  reset(): void;
  stats(): MockStats;
  /** Polls `predicate` every 5 ms; rejects after `timeoutMs` (default 2000). */
  waitFor(predicate: () => boolean, timeoutMs?: number): Promise<void>;
  /** Closes the server and destroys open sockets (hanging responses included). */
  close(): Promise<void>;
}
