// Public types of the mock for OpenAI's non-chat endpoints (embeddings, legacy
// completions, moderations, images, audio) and Jina/Cohere-style rerank. Kept apart
// from the implementation so callers can import them without pulling in node:http.
import type { CapturedRequest } from '../types.js';

/** How the mock answers one request (any endpoint). A queued script replaces the defaults. */
export interface MockEndpointScript {
  /** >= 400: answer with this status and OpenAI's error JSON for it (400, 401, 403, 404, 429, 5xx). */
  status?: number;
  /** Replaces `error.message` of a scripted error. */
  errorMessage?: string;
  /** Text of completions (default: the `completionText` option). */
  text?: string;
}

export interface MockOpenAIEndpointsOptions {
  /** Default 0 (random). The mock always binds 127.0.0.1. */
  port?: number;
  /** When set, only these `Authorization: Bearer` keys are accepted (401 otherwise); unset accepts any request. */
  apiKeys?: string[];
  /** Default text of /v1/completions answers. */
  completionText?: string;
}

export interface MockOpenAIEndpoints {
  /** Base URL including /v1, e.g. "http://127.0.0.1:41234/v1" (an OpenAI SDK's baseURL). */
  url: string;
  origin: string;
  /**
   * Every request received, in arrival order. JSON bodies are parsed; multipart bodies
   * (audio transcriptions/translations) become their string fields plus
   * `file: { name, size, type }`. Cleared in place by reset().
   */
  requests: CapturedRequest[];
  /** The next requests that pass auth on a known path consume these in FIFO order. */
  enqueue(...scripts: MockEndpointScript[]): void;
  /** Clears the queue and the captured requests. */
  reset(): void;
  /** Closes the server and destroys open sockets (a speech response still streaming included). */
  close(): Promise<void>;
}
