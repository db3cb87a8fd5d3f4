// The OpenAI extra-endpoints mock's public surface, for the testkit index to re-export.
export { DEFAULT_COMPLETION_TEXT, startMockOpenAIEndpoints } from './mock-openai-endpoints.js';
export { EMBEDDING_DIMENSIONS } from './embeddings.js';
export { FLAG_MARKER } from './moderations.js';
export { IMAGE_B64, IMAGE_URL } from './images.js';
export { SPEECH_AUDIO } from './speech.js';
export type { MockEndpointScript, MockOpenAIEndpoints, MockOpenAIEndpointsOptions } from './types.js';
