// Public types of the AWS Bedrock runtime mock. Kept apart from the implementation
// so callers can import them without pulling in node:http.
import type { CapturedRequest } from '../types.js';

interface MockBedrockToolCall {
  name: string;
  /** JSON text of the tool input; streamed as input_json_delta fragments. */
  arguments: string;
  /** Defaults to a random `toolu_bdrk_…` id. */
  id?: string;
}

/**
 * Exceptions Bedrock sends inside an event stream after the 200 went out. The names
 * are the event-stream member names (`:exception-type`), lower camel case as sent.
 */
type MockBedrockStreamException = 'throttlingException' | 'modelStreamErrorException';

/** How the mock answers one invoke request. A queued script replaces the defaults entirely. */
export interface MockBedrockScript {
  /** The assistant text (default: the `text` option); split into ~5 deltas on word boundaries. */
  text?: string;
  /** Answer with tool_use blocks instead of text (stop_reason "tool_use"). */
  toolCalls?: MockBedrockToolCall[];
  /**
   * >= 400: answer with this status and Bedrock's error JSON for it (429 → ThrottlingException,
   * 400 → ValidationException, 500 → InternalServerException, …). Applies to both operations.
   */
  status?: number;
  /** Replaces the message of a scripted error or stream exception. */
  errorMessage?: string;
  /** Streams only: send this exception message after the first content delta and end the stream. */
  exception?: MockBedrockStreamException;
  /** Delay between event-stream messages. Default 0. */
  chunkDelayMs?: number;
}

export interface MockBedrockOptions {
  /** Default 0 (random). The mock always binds 127.0.0.1. */
  port?: number;
  /** The only access key the mock knows; any other gets UnrecognizedClientException. */
  accessKeyId: string;
  secretAccessKey: string;
  /** The region the credential scope must name (e.g. "us-east-1"). */
  region: string;
  /**
   * Temporary credentials: when set, `x-amz-security-token` must carry it; when unset,
   * a request carrying one is rejected as an unknown token.
   */
  sessionToken?: string;
  /** Default answer text when no script is queued. */
  text?: string;
  /** Allowed distance between `x-amz-date` and the mock's clock. Default 5 minutes, as AWS. */
  maxClockSkewMs?: number;
}

export interface MockBedrock {
  /** The runtime endpoint, e.g. "http://127.0.0.1:41234" (clients add /model/{id}/invoke). */
  url: string;
  /** Same as `url`: Bedrock's paths start at the root. */
  origin: string;
  /** Every request received, in arrival order (bad signatures included). Cleared in place by reset(). */
  requests: CapturedRequest[];
  /** The next invoke requests that pass auth and validation consume these in FIFO order. */
  enqueue(...scripts: MockBedrockScript[]): void;
  /** Clears the queue and the captured requests. */
  reset(): void;
  /** Closes the server and destroys open sockets. */
  close(): Promise<void>;
}
