// Mutable state shared by all exchanges of one mock server, whatever the protocol:
// one script queue, one capture list, one set of counters.
import type { KeyObject } from 'node:crypto';
import type { CapturedRequest, MockScript } from './types.js';

export interface MockState {
  capture: boolean;
  apiKeys: Set<string> | undefined;
  /** Pre-serialized model lists; they never change for the lifetime of a mock. */
  modelLists: { openai: string; anthropic: string; gemini: string };
  /**
   * Accepted Vertex bearer tokens (configured ones plus those issued by POST /token);
   * undefined = Vertex auth is not enforced.
   */
  vertexTokens: Set<string> | undefined;
  /** The service account POST /token trusts; undefined = the endpoint refuses every grant. */
  serviceAccount: { publicKey: KeyObject; email: string | undefined } | undefined;
  /** The mock's own token URL, a valid JWT audience besides Google's; set once listening. */
  tokenUrl: string;
  defaults: MockScript;
  queue: MockScript[];
  requests: CapturedRequest[];
  counters: { completed: number; aborted: number; active: number; faulted: number };
}
