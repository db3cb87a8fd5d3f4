export * from './sse.js';
export * from './openai-chat.js';
export * from './ir.js';
export * from './zod-issues.js';
export * from './echo.js';
// The OpenAI Chat codec is on every node's common path. The other codecs are imported by
// subpath (`@switchboard/protocol/codecs/anthropic` …) so a node loads only what it serves.
export { openaiChatCodec } from './codecs/openai-chat/index.js';
export * from './dropped.js';
export * from './envelopes.js';
