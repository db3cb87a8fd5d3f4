import { parseStoredJson } from '../../db/stored-json.js';
import type { IrAssistantPart, IrStopReason, IrUsage } from '@switchboard/protocol';
import { z } from 'zod';

/**
 * A stored answer in protocol-neutral form (the IR's answer without the caller-specific
 * model name and time), so that an answer from any upstream, streamed or not, can be
 * replayed to any later caller of the same request, streamed or not.
 */
export interface CachedAnswer {
  /** The upstream's answer id (a Responses id stays usable as `previous_response_id`). */
  id: string;
  content: IrAssistantPart[];
  stopReason: Exclude<IrStopReason, 'error'>;
  stopSequence?: string;
  usage?: IrUsage;
}

/** Bumped when the stored form changes; entries of another version read as empty slots. */
const FORMAT = 1;

const count = z.number().int().min(0);
const storedSchema = z.object({
  v: z.literal(FORMAT),
  id: z.string(),
  content: z.array(
    z.discriminatedUnion('type', [
      z.object({ type: z.literal('text'), text: z.string() }),
      z.object({ type: z.literal('reasoning'), text: z.string(), signature: z.string().optional(), redacted: z.string().optional() }),
      z.object({ type: z.literal('tool-call'), id: z.string(), name: z.string(), arguments: z.string(), signature: z.string().optional() }),
    ]),
  ),
  stopReason: z.enum(['end', 'stop-sequence', 'length', 'tool-calls', 'content-filter', 'refusal']),
  stopSequence: z.string().optional(),
  usage: z
    .object({ input: count, output: count, cachedInput: count.optional(), cacheWrite: count.optional(), reasoning: count.optional() })
    .optional(),
});

export function serializeAnswer(answer: CachedAnswer): string {
  return JSON.stringify({ v: FORMAT, ...answer });
}

/** The stored answer, or undefined for anything else (another version, a damaged value). */
export function parseAnswer(text: string): CachedAnswer | undefined {
  const stored = parseStoredJson(storedSchema, text);
  if (!stored) return undefined;
  const { v: _version, ...answer } = stored;
  return answer;
}
