import { z } from 'zod';

/**
 * DashScope native answer shapes (`result_format: "message"`), as far as the codec reads
 * them. The same object arrives whole (non-stream) or as one SSE `data:` per increment
 * (stream, `incremental_output: true`). Text models send `message.content` as a string;
 * the multimodal endpoint (Qwen-VL, Omni, Audio) sends `[{text}]`.
 *
 * Objects are `looseObject` and fields `nullish`: DashScope adds fields per model family
 * (`search_info`, `image_tokens` …), and a relay must not reject an answer for them.
 */

const toolCall = z.looseObject({
  index: z.number().nullish(),
  id: z.string().nullish(),
  type: z.string().nullish(),
  function: z.looseObject({ name: z.string().nullish(), arguments: z.string().nullish() }).nullish(),
});

const contentItem = z.looseObject({ text: z.string().nullish() });

const message = z.looseObject({
  role: z.string().nullish(),
  content: z.union([z.string(), z.array(contentItem)]).nullish(),
  reasoning_content: z.string().nullish(),
  tool_calls: z.array(toolCall).nullish(),
});

const choice = z.looseObject({
  message: message.nullish(),
  /** "stop" | "length" | "tool_calls", and the STRING "null" while a stream is still running. */
  finish_reason: z.string().nullish(),
});

const usageSchema = z.looseObject({
  input_tokens: z.number().nullish(),
  output_tokens: z.number().nullish(),
  total_tokens: z.number().nullish(),
  /** Context-cache hits, part of `input_tokens`. */
  prompt_tokens_details: z.looseObject({ cached_tokens: z.number().nullish() }).nullish(),
  output_tokens_details: z.looseObject({ reasoning_tokens: z.number().nullish() }).nullish(),
});

export const answerSchema = z.looseObject({
  output: z.looseObject({
    choices: z.array(choice).nullish(),
    /** `result_format: "text"` answers (never requested by this adapter, read for robustness). */
    text: z.string().nullish(),
    finish_reason: z.string().nullish(),
  }),
  usage: usageSchema.nullish(),
  request_id: z.string().nullish(),
});

export type DashscopeAnswer = z.infer<typeof answerSchema>;
export type DashscopeChoice = z.infer<typeof choice>;
export type DashscopeToolCall = z.infer<typeof toolCall>;
export type DashscopeUsage = z.infer<typeof usageSchema>;
