export * from './sse.js';
export * from './openai-chat.js';
export * from './ir.js';
export * from './codecs/index.js';
