/**
 * DashScope serves two generation endpoints: text models at `text-generation`, vision,
 * omni and audio models at `multimodal-generation`, which wants every message `content`
 * as an array (`[{text}]`, `[{image}, {text}]`). A request goes multimodal when the codec
 * wrote array content (it had images) or when the model is one of those families even
 * for plain text (a VL model is not served by the text endpoint).
 */
const MULTIMODAL_MODEL = /(^|[-_.])(vl|omni|audio)([-_.]|$)|^qvq/i;

export const TEXT_GENERATION_PATH = '/api/v1/services/aigc/text-generation/generation';
export const MULTIMODAL_GENERATION_PATH = '/api/v1/services/aigc/multimodal-generation/generation';

export function isMultimodal(model: string, messages: readonly unknown[]): boolean {
  return MULTIMODAL_MODEL.test(model) || messages.some((m) => Array.isArray(contentOf(m)));
}

/** Rewrites string content as `[{text}]`, leaving array content as it is. */
export function toMultimodalMessages(messages: readonly unknown[]): unknown[] {
  return messages.map((m) => {
    const content = contentOf(m);
    return typeof content === 'string' ? { ...(m as Record<string, unknown>), content: [{ text: content }] } : m;
  });
}

function contentOf(m: unknown): unknown {
  return typeof m === 'object' && m !== null ? (m as { content?: unknown }).content : undefined;
}
