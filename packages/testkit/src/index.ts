export { startMockOpenAI } from './openai-mock.js';
export { parseSSEData } from './sse.js';
export { DEFAULT_TEXT } from './plan.js';
export { DEFAULT_MODELS } from './exchange.js';
export type {
  CapturedRequest,
  MockOpenAI,
  MockOpenAIOptions,
  MockScript,
  MockStats,
  MockToolCall,
  MockUsage,
} from './types.js';
