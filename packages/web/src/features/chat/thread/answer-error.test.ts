import { describe, expect, it } from 'vitest';
import { failureKind } from './answer-error';
import { fileNameFor } from './save-as-file';

describe('a failed answer', () => {
  it('is worded by its code, and an unknown or missing code is a plain failure', () => {
    expect(failureKind('insufficient_balance')).toBe('insufficient_balance');
    expect(failureKind('interrupted')).toBe('interrupted');
    expect(failureKind('something_new')).toBe('failed');
    expect(failureKind(null)).toBe('failed');
  });
});

describe('saving a message as a file', () => {
  it('names it by its first words and date, without characters file systems refuse', () => {
    const at = Date.UTC(2026, 11, 7);
    expect(fileNameFor({ content: '# Plan: a/b test?\n\nMore text', created_at: at })).toBe('Plan a b test More text 2026-12-07.md');
    expect(fileNameFor({ content: '```\n```', created_at: at })).toBe('message 2026-12-07.md');
    expect(fileNameFor({ content: '你好，世界', created_at: at })).toBe('你好，世界 2026-12-07.md');
  });
});
