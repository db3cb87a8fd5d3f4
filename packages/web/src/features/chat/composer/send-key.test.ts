import { describe, expect, it, vi } from 'vitest';

describe('the send key setting', () => {
  it('starts as Enter, and a change is remembered in localStorage for the next visit', async () => {
    const store = new Map<string, string>();
    const localStorage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => store.set(k, v), removeItem: (k: string) => store.delete(k) };
    vi.stubGlobal('window', { localStorage });
    const { useSendKey } = await import('./send-key');
    expect(useSendKey.getState().mode).toBe('enter');
    useSendKey.getState().setMode('mod-enter');
    expect(JSON.parse(store.get('switchboard.sendKey') ?? '{}').state).toEqual({ mode: 'mod-enter' });
    vi.unstubAllGlobals();
  });
});
