import { describe, expect, it } from 'vitest';
import { USAGE_COLUMNS } from './usage-batch-insert.js';
import { usageDraft } from './usage-row.js';

describe('usageDraft', () => {
  it('fills every usage_logs column but the cost, from the call and from how it ended', () => {
    const draft = usageDraft(
      { requestId: 'req_1', caller: { keyId: 7, user: { id: 3 } }, inbound: { endpoint: 'messages', model: 'claude-x', stream: true }, ip: '10.0.0.1' },
      {
        upstreamModel: 'claude-x-2',
        channelId: 5,
        usage: { promptTokens: 10, completionTokens: 20, cachedTokens: 4, cacheWriteTokens: 2, reasoningTokens: 6 },
        usageSource: 'upstream',
        status: 'success',
        httpStatus: 200,
        error: null,
        attempts: 2,
        latencyMs: 120,
        ttftMs: 40,
      },
    );
    // Every column the inserts write (the batch and the settlement) is present, cost excepted.
    expect(Object.keys(draft).sort()).toEqual(USAGE_COLUMNS.filter((c) => c !== 'cost').sort());
    expect(draft).toMatchObject({
      request_id: 'req_1',
      user_id: 3,
      key_id: 7,
      endpoint: 'messages',
      model: 'claude-x',
      upstream_model: 'claude-x-2',
      channel_id: 5,
      prompt_tokens: 10,
      completion_tokens: 20,
      cached_tokens: 4,
      cache_write_tokens: 2,
      reasoning_tokens: 6,
      is_stream: 1,
      attempts: 2,
      latency_ms: 120,
      ttft_ms: 40,
      ip: '10.0.0.1',
    });
  });
});
