// POST /v1/audio/transcriptions and /v1/audio/translations: multipart/form-data with
// `file` and `model`, parsed with the platform's own FormData parser (undici's,
// via Response) rather than a hand-written one. The answer names the file and its
// size, so tests can prove the upload reached the upstream intact.
import { missingParameter, invalidParameter } from './errors.js';
import { sendError, sendJson, sendText } from './reply.js';
import type { Endpoint } from './context.js';

export const transcription: Endpoint = {
  body: 'multipart',
  async handle({ res, raw, headers, capture }) {
    const type = headers['content-type'] ?? '';
    if (!type.startsWith('multipart/form-data')) {
      return sendError(res, invalidParameter('file', 'Invalid Content-Type header: expected multipart/form-data.'));
    }
    let form: FormData;
    try {
      form = await new Response(raw, { headers: { 'content-type': type } }).formData();
    } catch {
      return sendError(res, invalidParameter('file', 'Could not parse multipart form.'));
    }
    const fields: Record<string, unknown> = {};
    let file: File | undefined;
    for (const [key, value] of form) {
      if (typeof value === 'string') fields[key] = value;
      else if (key === 'file') file = value;
    }
    if (file) fields.file = { name: file.name, size: file.size, type: file.type };
    capture(fields);
    if (!file) return sendError(res, missingParameter('file'));
    if (typeof fields.model !== 'string' || fields.model === '') return sendError(res, missingParameter('model'));
    const text = `transcribed: ${file.name} (${file.size} bytes)`;
    if (fields.response_format === 'text') return sendText(res, 200, text);
    sendJson(res, 200, { text });
  },
};
