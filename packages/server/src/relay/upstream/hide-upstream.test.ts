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

describe('hideUpstream on addresses other than the channel', () => {
  const ctx = { channelId: 3, baseUrl: 'https://api.channel-vendor.com/v1', keys: ['sk-channel-key-123456'] };

  it('masks every other URL, host and IP and keeps the rest of the sentence', () => {
    const text =
      'POST https://api.channel-vendor.com/v1/chat/completions: upstream https://some-upstream.example/v1 said ' +
      '"connect to 10.2.3.4:8443 failed" about gpt-4.1 (see api.deepseek.com, [fd00::5]:443) with sk-channel-key-123456';
    expect(hideUpstream(text, ctx)).toBe(
      'POST channel://3/chat/completions: upstream [upstream] said "connect to [upstream] failed" about gpt-4.1 (see [upstream], [upstream]) with sk-c********',
    );
  });
});
