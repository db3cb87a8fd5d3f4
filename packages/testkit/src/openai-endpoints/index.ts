// The OpenAI extra-endpoints mock's public surface, for the testkit index to re-export.
export { DEFAULT_COMPLETION_TEXT, startMockOpenAIEndpoints } from './mock-openai-endpoints.js';
export { FLAG_MARKER } from './moderations.js';
export { SPEECH_AUDIO } from './speech.js';
export type { MockOpenAIEndpoints, MockOpenAIEndpointsOptions } from './types.js';
