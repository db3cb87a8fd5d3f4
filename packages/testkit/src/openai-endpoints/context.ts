// What every endpoint handler receives. JSON endpoints get the body already parsed
// into an object; multipart ones read `raw` themselves.
import type { ServerResponse } from 'node:http';
import type { MockEndpointScript } from './types.js';

interface EndpointContext {
  res: ServerResponse;
  /** The JSON body (empty object for multipart endpoints). */
  body: Record<string, unknown>;
  raw: Buffer;
  /** Lower-cased names. */
  headers: Record<string, string>;
  script: MockEndpointScript;
  completionText: string;
  /** Replaces what `requests[].body` shows (multipart bodies are captured as their fields). */
  capture(body: unknown): void;
}

export interface Endpoint {
  /** JSON endpoints get a 400 for a body that is not a JSON object; multipart ones parse `raw`. */
  body: 'json' | 'multipart';
  handle(ctx: EndpointContext): void | Promise<void>;
}

/** A string field of the body, or undefined. */
export const str = (body: Record<string, unknown>, key: string): string | undefined =>
  typeof body[key] === 'string' ? (body[key] as string) : undefined;
