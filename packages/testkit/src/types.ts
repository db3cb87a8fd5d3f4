// Public types of the mock upstream. Kept apart from the implementation so the
// server's tests can import them without pulling in node:http.

/**
 * Token counts a script can force. Names follow OpenAI; every protocol renders them
 * in its own fields (see usage.ts for the mapping).
 */
export interface MockUsage {
  /** All prompt tokens, cached ones included (as OpenAI and Gemini count them). */
  prompt_tokens: number;
  /** All generated tokens, reasoning included. */
  completion_tokens: number;
  prompt_tokens_details?: { cached_tokens: number };
  completion_tokens_details?: { reasoning_tokens: number };
  /**
   * Prompt tokens read from the prompt cache (part of prompt_tokens). Anthropic:
   * cache_read_input_tokens; Gemini: cachedContentTokenCount; OpenAI: cached_tokens.
   * Defaults to prompt_tokens_details.cached_tokens, else 0.
   */
  cache_read_tokens?: number;
  /**
   * Prompt tokens written to the prompt cache (part of prompt_tokens). Only Anthropic
   * reports them (cache_creation_input_tokens). Default 0.
   */
  cache_write_tokens?: number;
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
  /**
   * >= 400: reply with this status and an error body in the shape of the protocol
   * that was called (OpenAI, Anthropic, Google, Azure). Lower values are ignored.
   */
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
  /**
   * Wire events written before a `midstream` fault (OpenAI: role chunk included;
   * Anthropic: message_start and ping included; Gemini: chunks; Responses:
   * response.created and response.in_progress included). Default 2.
   */
  failAfterChunks?: number;
  /**
   * Streams only: after `after` wire events, send the protocol's in-stream error
   * (OpenAI `data: {"error":…}`, Anthropic and Responses `event: error`, Gemini an
   * error chunk) and end the response normally, as providers do when a stream fails
   * after the 200 went out. The natural end (final chunk, message_stop, [DONE],
   * response.completed) is never sent.
   * `status` picks the error type (default 500; 529 gives Anthropic's overloaded_error).
   */
  streamError?: { after: number; message?: string; status?: number };
  /** The assistant answer; split into ~5 deltas on word boundaries. */
  text?: string;
  /** Explicit content deltas; overrides splitting `text`. */
  chunks?: string[];
  /**
   * Reasoning before the answer. OpenAI: `reasoning_content` deltas (DeepSeek style);
   * Anthropic: a thinking block with a signature; Gemini: `thought: true` parts;
   * Responses: a reasoning item with one summary_text part.
   */
  reasoning?: string;
  /** Answer with tool calls instead of text. */
  toolCalls?: MockToolCall[];
  /** Delay before the response headers (applies to errors and faults too). */
  latencyMs?: number;
  /** Delay between stream events. */
  chunkDelayMs?: number;
  /** false = never report usage; an object overrides the computed counts. */
  usage?: MockUsage | false;
  /**
   * Default "stop", or "tool_calls" when `toolCalls` is set. OpenAI values are
   * translated (Anthropic: end_turn/tool_use/max_tokens/refusal; Gemini:
   * STOP/MAX_TOKENS/SAFETY; Responses: length and content_filter give status
   * `incomplete`, anything else `completed`); any other value is sent as given.
   */
  finishReason?: string;
  /** Model to echo; default the request's model (URL model for Gemini/Vertex, deployment for Azure). */
  model?: string;
  /**
   * Keep-alives between events: `: keep-alive` comments for OpenAI Chat and
   * Responses (as OpenRouter sends), `event: ping` for Anthropic; Gemini streams
   * have none.
   */
  keepAliveComments?: boolean;
}

export interface MockUpstreamOptions {
  /** Default 0 (random). The mock always binds 127.0.0.1. */
  port?: number;
  /**
   * When set, only these keys are accepted, wherever the protocol carries its key:
   * OpenAI `Authorization: Bearer`, Anthropic `x-api-key`, Gemini `x-goog-api-key`
   * or `?key=`, Azure `api-key`. Each protocol rejects others with its own error.
   */
  apiKeys?: string[];
  /** Served by the OpenAI GET /v1/models (and Azure /openai/v1/models). Default ["gpt-4o-mini", "gpt-4o"]. */
  models?: string[];
  /** Served by the Anthropic GET /v1/models. Default DEFAULT_ANTHROPIC_MODELS. */
  anthropicModels?: string[];
  /** Served by GET /v1beta/models. Default DEFAULT_GEMINI_MODELS. */
  geminiModels?: string[];
  /**
   * Vertex AI access tokens accepted as `Authorization: Bearer`. When neither this
   * nor `serviceAccountPublicKey` is set, Vertex paths accept any request.
   */
  vertexTokens?: string[];
  /**
   * PEM public key (SPKI) of the service account whose JWTs `POST /token` accepts.
   * Tokens it issues are then accepted on the Vertex paths.
   */
  serviceAccountPublicKey?: string;
  /** When set, `POST /token` also requires the JWT's `iss` to be this address. */
  serviceAccountEmail?: string;
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

/** Kept for existing callers: the options never stopped being the OpenAI mock's. */
export type MockOpenAIOptions = MockUpstreamOptions;

export interface MockUpstream {
  /** OpenAI base URL including /v1, e.g. "http://127.0.0.1:41234/v1". */
  url: string;
  /**
   * e.g. "http://127.0.0.1:41234": the base URL for Anthropic, Gemini, Azure and
   * Vertex clients, which add their own path prefixes.
   */
  origin: string;
  /** The fake Google OAuth endpoint, `${origin}/token` (a service account's token_uri). */
  tokenUrl: string;
  /** Every request received, in arrival order. Cleared in place by reset(). */
  requests: CapturedRequest[];
  /** The next chat requests (any protocol) consume these in FIFO order; then `defaults` apply. */
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

/** Kept for existing callers; the same mock now answers every protocol. */
export type MockOpenAI = MockUpstream;

/** A Google service-account key file, as the Cloud console downloads it. */
export interface ServiceAccountJson {
  type: 'service_account';
  project_id: string;
  private_key_id: string;
  /** PKCS#8 PEM. */
  private_key: string;
  client_email: string;
  client_id: string;
  auth_uri: string;
  token_uri: string;
}

export interface TestServiceAccount {
  /** The key file a gateway would be configured with. */
  json: ServiceAccountJson;
  /** SPKI PEM: pass as `serviceAccountPublicKey` so the mock trusts this account. */
  publicKey: string;
}
