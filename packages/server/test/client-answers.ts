import { parseSSEData } from '@switchboard/testkit';
import { z } from 'zod';
import type { CallerProtocol } from './client-fixtures.js';

/**
 * Reads a gateway answer the way the caller's client would: JSON or an SSE stream in that
 * protocol's own event shapes, with its opening and closing events in place. Returns the
 * answer's text; throws, naming what is missing, when the answer is not well formed.
 */
export function answerText(protocol: CallerProtocol, stream: boolean, contentType: string, raw: string): string {
  if (stream !== contentType.startsWith('text/event-stream')) {
    throw new Error(`expected ${stream ? 'an SSE stream' : 'JSON'}, got content-type ${contentType}: ${raw.slice(0, 200)}`);
  }
  if (!stream) return jsonAnswers[protocol](JSON.parse(raw));
  return streamAnswers[protocol](parseSSEData(raw));
}

const textPart = z.object({ type: z.string(), text: z.string().optional() });

const jsonAnswers: Record<CallerProtocol, (body: unknown) => string> = {
  'openai-chat': (body) => {
    const answer = z
      .object({
        object: z.literal('chat.completion'),
        choices: z.array(z.object({ message: z.object({ role: z.literal('assistant'), content: z.string().nullable() }), finish_reason: z.string() })).min(1),
      })
      .parse(body);
    return answer.choices[0]!.message.content ?? '';
  },
  'openai-responses': (body) => responseText(body),
  anthropic: (body) => {
    const answer = z
      .object({ type: z.literal('message'), role: z.literal('assistant'), content: z.array(textPart), stop_reason: z.string() })
      .parse(body);
    return answer.content.map((block) => (block.type === 'text' ? (block.text ?? '') : '')).join('');
  },
  gemini: (body) => geminiText([body], true),
};

const streamAnswers: Record<CallerProtocol, (events: string[]) => string> = {
  'openai-chat': (events) => {
    if (events.at(-1) !== '[DONE]') throw new Error(`chat stream does not end with [DONE]: ${events.at(-1)}`);
    const chunks = events.slice(0, -1).map((data) =>
      z
        .object({
          object: z.literal('chat.completion.chunk'),
          choices: z.array(z.object({ delta: z.object({ content: z.string().nullish() }), finish_reason: z.string().nullish() })),
        })
        .parse(JSON.parse(data)),
    );
    if (!chunks.some((chunk) => chunk.choices.some((choice) => choice.finish_reason))) throw new Error('chat stream has no finish_reason');
    return chunks.map((chunk) => chunk.choices.map((choice) => choice.delta.content ?? '').join('')).join('');
  },
  'openai-responses': (events) => {
    const parsed = events.map((data) => z.looseObject({ type: z.string() }).parse(JSON.parse(data)));
    expectOrder('Responses stream', parsed, 'response.created', 'response.completed');
    const deltas = parsed
      .filter((event) => event.type === 'response.output_text.delta')
      .map((event) => z.object({ delta: z.string() }).parse(event).delta)
      .join('');
    const final = responseText(z.object({ response: z.unknown() }).parse(parsed.at(-1)).response);
    if (final !== deltas) throw new Error(`response.completed text ${JSON.stringify(final)} differs from the deltas ${JSON.stringify(deltas)}`);
    return final;
  },
  anthropic: (events) => {
    const parsed = events.map((data) => z.looseObject({ type: z.string() }).parse(JSON.parse(data)));
    expectOrder('Messages stream', parsed, 'message_start', 'message_stop');
    if (!parsed.some((event) => event.type === 'message_delta')) throw new Error('Messages stream has no message_delta');
    return parsed
      .filter((event) => event.type === 'content_block_delta')
      .map((event) => {
        const delta = z.object({ delta: z.object({ type: z.string(), text: z.string().optional() }) }).parse(event).delta;
        return delta.type === 'text_delta' ? (delta.text ?? '') : '';
      })
      .join('');
  },
  gemini: (events) => geminiText(events.map((data) => JSON.parse(data) as unknown), false),
};

function expectOrder(what: string, events: Array<{ type: string }>, first: string, last: string): void {
  if (events[0]?.type !== first) throw new Error(`${what} starts with ${events[0]?.type}, not ${first}`);
  if (events.at(-1)?.type !== last) throw new Error(`${what} ends with ${events.at(-1)?.type}, not ${last}`);
}

function responseText(body: unknown): string {
  const answer = z
    .object({
      object: z.literal('response'),
      status: z.literal('completed'),
      output: z.array(z.looseObject({ type: z.string(), content: z.array(textPart).optional() })),
    })
    .parse(body);
  return answer.output
    .filter((item) => item.type === 'message')
    .flatMap((item) => item.content ?? [])
    .map((part) => (part.type === 'output_text' ? (part.text ?? '') : ''))
    .join('');
}

const geminiChunk = z.object({
  candidates: z
    .array(z.object({ content: z.object({ parts: z.array(z.object({ text: z.string().optional() })) }).optional(), finishReason: z.string().optional() }))
    .min(1),
});

function geminiText(chunks: unknown[], single: boolean): string {
  const parsed = chunks.map((chunk) => geminiChunk.parse(chunk));
  if (single && parsed.length !== 1) throw new Error('expected one Gemini answer');
  if (!parsed.at(-1)?.candidates[0]?.finishReason) throw new Error('Gemini answer ends without a finishReason');
  return parsed.map((chunk) => chunk.candidates[0]!.content?.parts.map((part) => part.text ?? '').join('') ?? '').join('');
}
