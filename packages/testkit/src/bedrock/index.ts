// The Bedrock runtime mock's public surface, for the testkit index to re-export.
export { DEFAULT_BEDROCK_TEXT, startMockBedrock } from './mock-bedrock.js';
export type { MockBedrock, MockBedrockOptions, MockBedrockScript } from './types.js';
