// POST /v1/rerank in the Jina/Cohere shape: results sorted by relevance_score, each
// with the index into `documents` and (unless return_documents is false) the document.
// Scores come from word overlap with the query, so the order is predictable in tests.
import { invalidParameter, missingParameter } from './errors.js';
import { sendError, sendJson } from './reply.js';
import { countTokens } from './tokens.js';
import { str, type Endpoint } from './context.js';

export const rerank: Endpoint = {
  body: 'json',
  handle({ res, body }) {
    const model = str(body, 'model');
    if (!model) return sendError(res, missingParameter('model'));
    const query = str(body, 'query');
    if (query === undefined) return sendError(res, missingParameter('query'));
    if (!Array.isArray(body.documents) || body.documents.length === 0) return sendError(res, missingParameter('documents'));
    const docs = body.documents.map((d: unknown) => (typeof d === 'string' ? d : typeof d === 'object' && d !== null ? (d as { text?: unknown }).text : undefined));
    if (docs.some((d) => typeof d !== 'string')) return sendError(res, invalidParameter('documents', 'Each document must be a string or an object with a text field.'));
    const texts = docs as string[];
    const topN = typeof body.top_n === 'number' && body.top_n >= 1 ? Math.floor(body.top_n) : texts.length;
    const withDocs = body.return_documents !== false;
    const ranked = texts
      .map((text, index) => ({ index, relevance_score: score(query, text), text }))
      .sort((a, b) => b.relevance_score - a.relevance_score || a.index - b.index)
      .slice(0, topN);
    sendJson(res, 200, {
      model,
      results: ranked.map(({ index, relevance_score, text }) => (withDocs ? { index, relevance_score, document: { text } } : { index, relevance_score })),
      usage: { total_tokens: countTokens(query) * texts.length + texts.reduce((n, t) => n + countTokens(t), 0) },
    });
  },
};

const words = (s: string): Set<string> => new Set(s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);

/** Share of the query's words found in the document, squeezed into (0, 1). */
function score(query: string, doc: string): number {
  const q = words(query);
  const d = words(doc);
  let hits = 0;
  for (const w of q) if (d.has(w)) hits++;
  return Math.round(((hits + 0.5) / (q.size + 1)) * 1e6) / 1e6;
}
