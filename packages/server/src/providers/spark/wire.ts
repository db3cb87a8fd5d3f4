import { z } from 'zod';

/**
 * Spark response frames, as iFlytek's Web API document describes them. One request gets
 * several frames over the socket; `header.status` is 0 for the first, 1 for the middle ones
 * and 2 for the last, which alone carries `payload.usage`. A failure is a frame whose
 * `header.code` is not 0 (usually with `status: 2` and no payload). Objects are loose and
 * fields nullish: iFlytek adds fields (`plugins`, `web_search`, `question_type` …) a relay
 * does not read.
 */

const functionCall = z.looseObject({ name: z.string().nullish(), arguments: z.string().nullish() });

const textItem = z.looseObject({
  content: z.string().nullish(),
  /** X1 models' thinking. */
  reasoning_content: z.string().nullish(),
  role: z.string().nullish(),
  index: z.number().nullish(),
  content_type: z.string().nullish(),
  function_call: functionCall.nullish(),
});

const usageSchema = z.looseObject({
  /** Tokens of the last question alone (no history); informational. */
  question_tokens: z.number().nullish(),
  /** All prompt tokens, history and system included: what is billed as input. */
  prompt_tokens: z.number().nullish(),
  completion_tokens: z.number().nullish(),
  total_tokens: z.number().nullish(),
});

export const frameSchema = z.looseObject({
  header: z.looseObject({
    /** 0 = success; anything else is an error code (10013 input rejected, 11200 licence …). */
    code: z.number().nullish(),
    message: z.string().nullish(),
    /** Session id, iFlytek's key for support requests. */
    sid: z.string().nullish(),
    status: z.number().nullish(),
  }),
  payload: z
    .looseObject({
      choices: z.looseObject({ status: z.number().nullish(), seq: z.number().nullish(), text: z.array(textItem).nullish() }).nullish(),
      usage: z.looseObject({ text: usageSchema.nullish() }).nullish(),
    })
    .nullish(),
});

/** The value of `header.status` (and `choices.status`) on the last frame. */
export const LAST_FRAME = 2;

export type SparkFrame = z.infer<typeof frameSchema>;
export type SparkTextItem = z.infer<typeof textItem>;
export type SparkUsage = z.infer<typeof usageSchema>;
