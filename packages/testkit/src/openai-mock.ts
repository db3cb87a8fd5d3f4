// Kept so existing imports of './openai-mock.js' still work; the implementation,
// which now answers every protocol, is in mock-upstream.ts.
export { startMockOpenAI } from './mock-upstream.js';
