import { z } from 'zod';

/**
 * The part of each inbound protocol's request that the relay itself reads before routing:
 * the model, streaming, the output limit (billing reserves for it) and the shape the rest of
 * the relay relies on (a message list that is a list of objects). Everything else — roles,
 * content block types, tool types, fields a vendor added last month — is not checked here:
 * a same-protocol upstream receives the body untouched and judges it itself, and a
 * conversion decodes it tolerantly, recording what it cannot carry.
 *
 * All objects are loose: unknown fields pass through.
 */

const item = z.looseObject({});

/** Anthropic Messages (`POST /v1/messages`). */
export const anthropicEnvelopeSchema = z.looseObject({
  model: z.string().trim().min(1, 'model is required'),
  messages: z.array(item).min(1, 'must contain at least one message'),
  max_tokens: z.number().int().positive(),
  stream: z.boolean().nullish(),
});

/** OpenAI Responses (`POST /v1/responses`). */
export const responsesEnvelopeSchema = z
  .looseObject({
    model: z.string().trim().min(1, 'model is required'),
    input: z.union([z.string(), z.array(item)]).nullish(),
    stream: z.boolean().nullish(),
    max_output_tokens: z.number().int().positive().nullish(),
  })
  .superRefine((body, ctx) => {
    // Stateful calls may continue a stored conversation without new input.
    const continues = body.previous_response_id != null || body.prompt != null || body.conversation != null;
    if (body.input == null && !continues) ctx.addIssue({ code: 'custom', message: 'input is required', path: ['input'], input: body });
  });

/** Gemini `generateContent` / `streamGenerateContent` (model and streaming come from the URL). */
export const geminiEnvelopeSchema = z.looseObject({
  contents: z.array(item).min(1, 'contents must contain at least one Content'),
  generationConfig: z.looseObject({ maxOutputTokens: z.number().int().positive().nullish() }).nullish(),
});
