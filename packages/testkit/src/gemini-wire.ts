// Gemini generateContent / streamGenerateContent wire format, written from Google's
// API reference, for both the Gemini API and Vertex AI (which adds createTime and
// usage trafficType, and omits the candidate index). A stream is a sequence of
// GenerateContentResponse objects: SSE with `?alt=sse` (each `data: …` followed by
// CRLF CRLF, as Google sends), otherwise one JSON array written element by element.
import { randomBytes } from 'node:crypto';
import type { Answer, Dialect } from './dialect.js';
import type { UsageCounts } from './usage.js';
import { geminiPromptTokens } from './usage.js';
import { GOOGLE_JSON_HEADERS, googleErrorForStatus } from './google-errors.js';
import { randomId } from './ids.js';

export interface GeminiFlavor {
  /** Vertex AI response details instead of the Gemini API's. */
  vertex: boolean;
  /** `alt=sse` framing for streams; false = JSON array. */
  sse: boolean;
}

/** OpenAI finish reasons in scripts become Gemini's; other values pass as given. */
function geminiFinishReason(finishReason: string): string {
  switch (finishReason) {
    case 'stop':
    case 'tool_calls': // Gemini has no tool-call reason: function calls end with STOP.
      return 'STOP';
    case 'length':
      return 'MAX_TOKENS';
    case 'content_filter':
      return 'SAFETY';
  }
  return finishReason;
}

type Part = Record<string, unknown>;

interface Meta {
  responseId: string;
  createTime: string;
  /** Opaque; thinking models attach it to the first function call for the next turn. */
  thoughtSignature: string;
}

function newMeta(): Meta {
  return { responseId: randomId('', 23), createTime: new Date().toISOString(), thoughtSignature: randomBytes(64).toString('base64') };
}

/**
 * Gemini counts the prompt including cached content, and reports output in two
 * parts: candidates (the visible answer) and thoughts.
 */
function usageMetadata(c: UsageCounts, flavor: GeminiFlavor): Record<string, unknown> {
  const thoughts = c.reasoning;
  const candidates = Math.max(0, c.completion - thoughts);
  const u: Record<string, unknown> = {
    promptTokenCount: c.prompt,
    candidatesTokenCount: candidates,
    totalTokenCount: c.prompt + candidates + thoughts,
  };
  if (c.cacheRead > 0) u.cachedContentTokenCount = c.cacheRead;
  u.promptTokensDetails = [{ modality: 'TEXT', tokenCount: c.prompt }];
  if (thoughts > 0) u.thoughtsTokenCount = thoughts;
  if (flavor.vertex) u.trafficType = 'ON_DEMAND';
  return u;
}

/** Usage on the chunks before the last: the prompt is known, the answer is not. */
function partialUsage(c: UsageCounts, flavor: GeminiFlavor): Record<string, unknown> {
  const u: Record<string, unknown> = { promptTokenCount: c.prompt, totalTokenCount: c.prompt };
  u.promptTokensDetails = [{ modality: 'TEXT', tokenCount: c.prompt }];
  if (flavor.vertex) u.trafficType = 'ON_DEMAND';
  return u;
}

function response(a: Answer, meta: Meta, flavor: GeminiFlavor, parts: Part[], finish: boolean, usage: object | undefined): object {
  const content = flavor.vertex ? { role: 'model', parts } : { parts, role: 'model' };
  const candidate: Record<string, unknown> = { content };
  if (finish) candidate.finishReason = geminiFinishReason(a.plan.finishReason);
  if (!flavor.vertex) candidate.index = 0;
  const r: Record<string, unknown> = { candidates: [candidate] };
  if (usage) r.usageMetadata = usage;
  r.modelVersion = a.model;
  if (flavor.vertex) r.createTime = meta.createTime;
  r.responseId = meta.responseId;
  return r;
}

function callParts(a: Answer, meta: Meta): Part[] {
  return (a.plan.toolCalls ?? []).map((c, i) => {
    const part: Part = { functionCall: { name: c.name, args: c.input } };
    if (i === 0 && a.plan.reasoning !== undefined) part.thoughtSignature = meta.thoughtSignature;
    return part;
  });
}

function body(a: Answer, flavor: GeminiFlavor): object {
  const meta = newMeta();
  const parts: Part[] = [];
  if (a.plan.reasoning !== undefined) parts.push({ text: a.plan.reasoning, thought: true });
  if (a.plan.toolCalls) parts.push(...callParts(a, meta));
  else parts.push({ text: a.plan.content ?? '' });
  return response(a, meta, flavor, parts, true, a.usage && usageMetadata(a.usage, flavor));
}

/**
 * One chunk per thought delta and per text delta; function calls arrive whole, all
 * in one chunk. The last chunk carries finishReason and the final usage.
 */
function chunks(a: Answer, flavor: GeminiFlavor): object[] {
  const meta = newMeta();
  const groups: Part[][] = a.plan.reasoningDeltas.map((text) => [{ text, thought: true }]);
  if (a.plan.toolCalls) groups.push(callParts(a, meta));
  else for (const text of a.plan.contentDeltas) groups.push([{ text }]);
  if (groups.length === 0) groups.push([{ text: '' }]);
  return groups.map((parts, i) => {
    const last = i === groups.length - 1;
    const usage = a.usage && (last ? usageMetadata(a.usage, flavor) : partialUsage(a.usage, flavor));
    return response(a, meta, flavor, parts, last, usage);
  });
}

/** Wire framing of stream element `index` of `count`: the last one closes a JSON array. */
function frame(json: string, index: number, count: number, sse: boolean): string {
  if (sse) return `data: ${json}\r\n\r\n`;
  return `${index === 0 ? '[' : ',\r\n'}${json}${index === count - 1 ? ']' : ''}`;
}

export function geminiDialect(flavor: GeminiFlavor): Dialect {
  return {
    promptTokens: geminiPromptTokens,
    body: (a) => body(a, flavor),
    events: (a) => {
      const list = chunks(a, flavor);
      return list.map((c, i) => frame(JSON.stringify(c), i, list.length, flavor.sse));
    },
    // Google ends a failing stream with an element holding only the error object.
    streamError: (index, status, message) => frame(JSON.stringify(googleErrorForStatus(status, message)), index, index + 1, flavor.sse),
    error: (status, message) => ({
      status,
      body: googleErrorForStatus(status, message),
      headers: GOOGLE_JSON_HEADERS,
    }),
    jsonHeaders: () => GOOGLE_JSON_HEADERS,
    streamHeaders: (): Record<string, string> =>
      flavor.sse
        ? { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' }
        : GOOGLE_JSON_HEADERS,
    // Gemini streams have no keep-alive of any kind.
    keepAlive: undefined,
  };
}
