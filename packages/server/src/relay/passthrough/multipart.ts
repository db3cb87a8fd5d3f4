import type { FastifyRequest } from 'fastify';
import { AppError } from '../../http/errors.js';

/**
 * Multipart bodies (audio uploads) through the WHATWG parser Node ships with: the body is
 * already bounded by BODY_LIMIT_MB, and the parser is loaded only when an upload arrives.
 */
export async function readMultipart(request: FastifyRequest): Promise<FormData> {
  const body = request.body;
  if (!Buffer.isBuffer(body)) throw new AppError(400, 'invalid_body', 'send the upload as multipart/form-data');
  try {
    return await new Response(body, { headers: { 'content-type': String(request.headers['content-type']) } }).formData();
  } catch {
    throw new AppError(400, 'invalid_body', 'the multipart/form-data body could not be parsed');
  }
}

/** The same form with `model` replaced, encoded with a fresh boundary. */
export async function rebuildMultipart(form: FormData, model: string): Promise<{ body: Uint8Array; contentType: string }> {
  const copy = new FormData();
  for (const [name, value] of form.entries()) {
    if (name !== 'model') copy.append(name, value);
  }
  copy.set('model', model);
  const encoded = new Response(copy);
  return {
    body: new Uint8Array(await encoded.arrayBuffer()),
    contentType: encoded.headers.get('content-type') ?? 'multipart/form-data',
  };
}
