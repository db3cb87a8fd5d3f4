export * from './sse.js';
export * from './openai-chat.js';
