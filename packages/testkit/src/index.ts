export { startMockOpenAI, startMockUpstream } from './mock-upstream.js';
export { createTestServiceAccount } from './service-account.js';
export type { TestServiceAccountOptions } from './service-account.js';
export { parseSSEData } from './sse.js';
export { DEFAULT_TEXT } from './plan.js';
export { DEFAULT_ANTHROPIC_MODELS, DEFAULT_GEMINI_MODELS, DEFAULT_MODELS } from './model-lists.js';
export { CLOUD_PLATFORM_SCOPE, GOOGLE_TOKEN_URL } from './google-oauth.js';
export type {
  CapturedRequest,
  MockOpenAI,
  MockOpenAIOptions,
  MockScript,
  MockStats,
  MockToolCall,
  MockUpstream,
  MockUpstreamOptions,
  MockUsage,
  ServiceAccountJson,
  TestServiceAccount,
} from './types.js';
