// Which handler serves which path (all POST).
import type { Endpoint } from './context.js';
import { completions } from './completions.js';
import { embeddings } from './embeddings.js';
import { images } from './images.js';
import { moderations } from './moderations.js';
import { rerank } from './rerank.js';
import { speech } from './speech.js';
import { transcription } from './transcription.js';

export const ROUTES: ReadonlyMap<string, Endpoint> = new Map([
  ['/v1/embeddings', embeddings],
  ['/v1/completions', completions],
  ['/v1/moderations', moderations],
  ['/v1/images/generations', images],
  ['/v1/audio/speech', speech],
  ['/v1/audio/transcriptions', transcription],
  ['/v1/audio/translations', transcription],
  ['/v1/rerank', rerank],
]);
