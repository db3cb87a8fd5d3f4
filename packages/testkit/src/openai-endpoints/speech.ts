// POST /v1/audio/speech: binary audio written in three chunks with pauses, so a
// gateway that buffers instead of streaming is visible in tests.
import { missingParameter } from './errors.js';
import { sendError } from './reply.js';
import { str, type Endpoint } from './context.js';

/** The bytes every speech answer carries: an ID3 tag header followed by a filler pattern. */
export const SPEECH_AUDIO: Buffer = Buffer.concat([
  Buffer.from('ID3\x04\x00\x00\x00\x00\x00\x00', 'latin1'),
  Buffer.from(Array.from({ length: 3 * 1024 - 10 }, (_, i) => i % 251)),
]);
const SPEECH_CHUNK_DELAY_MS = 15;

const CONTENT_TYPES: Record<string, string> = {
  mp3: 'audio/mpeg',
  opus: 'audio/opus',
  aac: 'audio/aac',
  flac: 'audio/flac',
  wav: 'audio/wav',
  pcm: 'audio/pcm',
};

export const speech: Endpoint = {
  body: 'json',
  async handle({ res, body }) {
    for (const param of ['model', 'input', 'voice']) {
      if (body[param] === undefined) return sendError(res, missingParameter(param));
    }
    const format = str(body, 'response_format') ?? 'mp3';
    // No content-length, so Node sends the body chunked and each write goes out on its own.
    res.writeHead(200, { 'content-type': CONTENT_TYPES[format] ?? 'audio/mpeg' });
    const third = Math.ceil(SPEECH_AUDIO.length / 3);
    for (let i = 0; i < 3; i++) {
      if (i > 0) await new Promise((r) => setTimeout(r, SPEECH_CHUNK_DELAY_MS));
      if (res.destroyed) return;
      res.write(SPEECH_AUDIO.subarray(i * third, (i + 1) * third));
    }
    res.end();
  },
};
