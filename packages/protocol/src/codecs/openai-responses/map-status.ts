import type { IrStopReason } from '../../ir.js';
import type { ResponsesResponseBody } from './schema.js';

/**
 * Response `status` (+ `incomplete_details.reason`) ↔ IR stop reason.
 *
 * The Responses API has no finish reason: a finished answer is `completed`, `incomplete`
 * (with a reason) or `failed`. What the model wanted is read from the output instead: a
 * completed answer holding function calls stopped for 'tool-calls', one holding a refusal
 * part stopped for 'refusal'.
 */

export interface StopFacts {
  status: string | null | undefined;
  incompleteReason?: string | null | undefined;
  hasToolCalls: boolean;
  hasRefusal: boolean;
}

export function stopReasonFromStatus(facts: StopFacts): IrStopReason {
  switch (facts.status) {
    case 'incomplete':
      return facts.incompleteReason === 'content_filter' ? 'content-filter' : 'length';
    case 'failed':
    case 'cancelled':
      return 'error';
    default:
      if (facts.hasToolCalls) return 'tool-calls';
      if (facts.hasRefusal) return 'refusal';
      return 'end';
  }
}

export interface StatusFields {
  status: 'completed' | 'incomplete' | 'failed';
  incomplete_details: ResponsesResponseBody['incomplete_details'];
  error: ResponsesResponseBody['error'];
  /** The stream event that carries the final response. */
  event: 'response.completed' | 'response.incomplete' | 'response.failed';
}

/** `stop-sequence`, `tool-calls` and `refusal` are all `completed` (lossy: stop-sequence reads back as 'end'). */
export function statusFromStopReason(stop: IrStopReason): StatusFields {
  switch (stop) {
    case 'length':
      return {
        status: 'incomplete',
        incomplete_details: { reason: 'max_output_tokens' },
        error: null,
        event: 'response.incomplete',
      };
    case 'content-filter':
      return {
        status: 'incomplete',
        incomplete_details: { reason: 'content_filter' },
        error: null,
        event: 'response.incomplete',
      };
    case 'error':
      return {
        status: 'failed',
        incomplete_details: null,
        error: { code: 'server_error', message: 'The upstream provider ended the response abnormally.' },
        event: 'response.failed',
      };
    default:
      return { status: 'completed', incomplete_details: null, error: null, event: 'response.completed' };
  }
}
