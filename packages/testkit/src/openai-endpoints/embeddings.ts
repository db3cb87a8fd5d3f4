// POST /v1/embeddings: one embedding per input item. Vectors are derived from a hash of
// the item, so equal inputs get equal vectors and tests can compare them. The official
// SDK asks for base64 unless told otherwise, so both encodings are served.
import { createHash } from 'node:crypto';
import { invalidParameter, missingParameter } from './errors.js';
import { sendError, sendJson } from './reply.js';
import { countTokens, inputItems } from './tokens.js';
import { str, type Endpoint } from './context.js';

const EMBEDDING_DIMENSIONS = 8;

export const embeddings: Endpoint = {
  body: 'json',
  handle({ res, body }) {
    const model = str(body, 'model');
    if (!model) return sendError(res, missingParameter('model'));
    if (body.input === undefined) return sendError(res, missingParameter('input'));
    const items = inputItems(body.input);
    if (!items) return sendError(res, invalidParameter('input', "'$.input' is invalid. Please check the API reference: https://platform.openai.com/docs/api-reference."));
    const dims = typeof body.dimensions === 'number' && body.dimensions > 0 ? Math.floor(body.dimensions) : EMBEDDING_DIMENSIONS;
    const base64 = body.encoding_format === 'base64';
    const tokens = items.reduce((n, item) => n + countTokens(item), 0);
    sendJson(res, 200, {
      object: 'list',
      data: items.map((item, index) => {
        const vector = embed(typeof item === 'string' ? item : item.join(','), dims);
        return { object: 'embedding', index, embedding: base64 ? toBase64(vector) : vector };
      }),
      model,
      usage: { prompt_tokens: tokens, total_tokens: tokens },
    });
  },
};

/** A unit-length vector (OpenAI's embeddings are normalized) seeded by the text. */
function embed(text: string, dims: number): number[] {
  const values: number[] = [];
  for (let block = 0; values.length < dims; block++) {
    const digest = createHash('sha256').update(`${block}:${text}`).digest();
    for (let i = 0; i + 1 < digest.length && values.length < dims; i += 2) values.push(digest.readUInt16BE(i) / 32767.5 - 1);
  }
  const norm = Math.hypot(...values) || 1;
  // Rounded through float32 so the JSON and base64 encodings carry the same numbers.
  return values.map((v) => Math.fround(v / norm));
}

/** Little-endian float32 bytes, as OpenAI's `encoding_format: "base64"` sends them. */
function toBase64(vector: number[]): string {
  return Buffer.from(new Float32Array(vector).buffer).toString('base64');
}
