// POST /v1/images/generations. DALL·E models answer URLs (or b64_json on request) with
// a revised_prompt; gpt-image models always answer b64_json and report token usage
// (input_tokens, output_tokens, total_tokens, input_tokens_details), which is what
// the gateway bills on.
import { missingParameter } from './errors.js';
import { sendError, sendJson } from './reply.js';
import { countTokens } from './tokens.js';
import { str, type Endpoint } from './context.js';

export const IMAGE_URL = 'https://example.invalid/img.png';
/** A 1×1 transparent PNG. */
export const IMAGE_B64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

// Output tokens gpt-image-1 bills per image, by quality, for square and for other sizes.
const IMAGE_TOKENS: Record<string, [square: number, other: number]> = { low: [272, 408], medium: [1056, 1584], high: [4160, 6240] };

export const images: Endpoint = {
  body: 'json',
  handle({ res, body }) {
    const prompt = str(body, 'prompt');
    if (!prompt) return sendError(res, missingParameter('prompt'));
    const model = str(body, 'model') ?? 'dall-e-2';
    const n = typeof body.n === 'number' && body.n >= 1 ? Math.floor(body.n) : 1;
    const created = Math.floor(Date.now() / 1000);
    if (!model.startsWith('gpt-image')) {
      const b64 = body.response_format === 'b64_json';
      const item = b64 ? { b64_json: IMAGE_B64, revised_prompt: `A mock rendering of: ${prompt}` } : { url: IMAGE_URL, revised_prompt: `A mock rendering of: ${prompt}` };
      return sendJson(res, 200, { created, data: Array.from({ length: n }, () => ({ ...item })) });
    }
    const size = str(body, 'size') ?? '1024x1024';
    const quality = str(body, 'quality') ?? 'auto';
    const [square, other] = IMAGE_TOKENS[quality] ?? IMAGE_TOKENS.medium!;
    const width = size.split('x');
    const output = n * (width[0] === width[1] ? square : other);
    const input = countTokens(prompt);
    sendJson(res, 200, {
      created,
      background: 'opaque',
      data: Array.from({ length: n }, () => ({ b64_json: IMAGE_B64 })),
      output_format: 'png',
      quality: quality === 'auto' ? 'medium' : quality,
      size,
      usage: { input_tokens: input, output_tokens: output, total_tokens: input + output, input_tokens_details: { text_tokens: input, image_tokens: 0 } },
    });
  },
};
