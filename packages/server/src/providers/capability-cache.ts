import { capabilitiesOf, type ModelCapabilities } from './model-capabilities.js';

const MAX_ENTRIES = 2048;
const memo = new Map<string, ModelCapabilities>();

/**
 * `capabilitiesOf` with a bounded memo: the lookup normalises ids with a dozen regular
 * expressions, and the relay asks for the same few upstream models on every request.
 */
export function cachedCapabilities(modelId: string): ModelCapabilities {
  let caps = memo.get(modelId);
  if (!caps) {
    caps = capabilitiesOf(modelId);
    if (memo.size >= MAX_ENTRIES) memo.clear();
    memo.set(modelId, caps);
  }
  return caps;
}
