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
export { startDashscopeMock } from './native/dashscope-mock.js';
export { HUNYUAN_MOCK_KEY, startHunyuanMock } from './native/hunyuan-mock.js';
export { startZhipuMock, ZHIPU_MOCK_KEY } from './native/zhipu-mock.js';
export { DEFAULT_NATIVE_TEXT, MOCK_FAIL_MIDSTREAM_MODEL, MOCK_FAIL_MODEL } from './native/script.js';
export type { NativeMock, NativeCapturedRequest } from './native/server.js';
export type { NativeMockOptions } from './native/script.js';
export { DEFAULT_BEDROCK_TEXT, startMockBedrock } from './bedrock/index.js';
export type { MockBedrock, MockBedrockOptions, MockBedrockScript } from './bedrock/index.js';
export { DEFAULT_COMPLETION_TEXT, FLAG_MARKER, SPEECH_AUDIO, startMockOpenAIEndpoints } from './openai-endpoints/index.js';
export type { MockOpenAIEndpoints, MockOpenAIEndpointsOptions } from './openai-endpoints/index.js';
export { SPARK_MOCK_KEY, startSparkMock } from './native/spark/spark-mock.js';
export type { SparkCapturedRequest, SparkMock, SparkMockOptions } from './native/spark/spark-mock.js';
