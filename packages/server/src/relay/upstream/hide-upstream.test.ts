import { describe, expect, it } from 'vitest';
import { hideUpstream } from './hide-upstream.js';

describe('hideUpstream', () => {
  const ctx = { channelId: 7, baseUrl: 'https://api.secret-vendor.com:8443/v1', keys: ['sk-live-abcdefghijklmnop', 'k2|azure-secret-123456'] };

  it('replaces the base URL, the host and every key, and drops upstream request ids', () => {
    const text =
      'POST https://api.secret-vendor.com:8443/v1/chat/completions failed: key sk-live-abcdefghijklmnop rejected by api.secret-vendor.com (request id: req_123) [azure-secret-123456] one_api';
    const hidden = hideUpstream(text, ctx);
    expect(hidden).toBe(
      'POST channel://7/chat/completions failed: key sk-l******** rejected by channel [azur********] switchboard_upstream',
    );
    expect(hidden).not.toContain('secret-vendor');
    expect(hidden).not.toContain('abcdefghijklmnop');
  });
});
