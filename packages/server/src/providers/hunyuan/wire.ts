import { z } from 'zod';

/**
 * Tencent Hunyuan `ChatCompletions` (API 2023-09-01) answer shapes, from the API
 * reference and the official SDK models. A non-stream answer is wrapped in
 * `{Response: {…}}` like every Tencent Cloud API 3.0 answer; each stream event's data is
 * the inner object itself (`Choices[].Delta` instead of `Message`). Field names are
 * PascalCase. Objects are loose and fields nullish: Tencent adds fields (`SearchInfo`,
 * `Replaces`, `RecommendedQuestions` …) that a relay does not read.
 */

const toolCall = z.looseObject({
  Id: z.string().nullish(),
  Type: z.string().nullish(),
  Index: z.number().nullish(),
  Function: z.looseObject({ Name: z.string().nullish(), Arguments: z.string().nullish() }).nullish(),
});

const message = z.looseObject({
  Role: z.string().nullish(),
  Content: z.string().nullish(),
  ReasoningContent: z.string().nullish(),
  ToolCalls: z.array(toolCall).nullish(),
});

const choice = z.looseObject({
  /** "stop" | "tool_calls" | "sensitive" (moderation), "" while a stream is running. */
  FinishReason: z.string().nullish(),
  Message: message.nullish(),
  Delta: message.nullish(),
  Index: z.number().nullish(),
});

const usageSchema = z.looseObject({
  PromptTokens: z.number().nullish(),
  CompletionTokens: z.number().nullish(),
  TotalTokens: z.number().nullish(),
});

/** API 3.0 error: `Response.Error` (HTTP 200), e.g. AuthFailure.SignatureFailure. */
const apiErrorSchema = z.looseObject({ Code: z.string().nullish(), Message: z.string().nullish() });

/** A failure inside a stream: `ErrorMsg` {Msg, Code} (4000 internal error, 4001 model timeout). */
const streamErrorSchema = z.looseObject({ Msg: z.string().nullish(), Code: z.number().nullish() });

export const answerSchema = z.looseObject({
  Id: z.string().nullish(),
  Created: z.number().nullish(),
  Choices: z.array(choice).nullish(),
  Usage: usageSchema.nullish(),
  RequestId: z.string().nullish(),
  Error: apiErrorSchema.nullish(),
  ErrorMsg: streamErrorSchema.nullish(),
});

export type HunyuanAnswer = z.infer<typeof answerSchema>;
export type HunyuanChoice = z.infer<typeof choice>;
export type HunyuanMessage = z.infer<typeof message>;
export type HunyuanToolCall = z.infer<typeof toolCall>;
export type HunyuanUsage = z.infer<typeof usageSchema>;
