import { describe, expect, it } from 'vitest';
import { isFenceClosed } from './fences';
import { progressValue } from './progress';
import { safeUrl } from './safe-url';
import { virtualCommand } from './virtual-link';

describe('virtualCommand', () => {
  it('reads the command from a Chat Nio virtual-message link', () => {
    expect(virtualCommand('https://chatnio.virtual/UPSCALE-123-1::midjourney')).toBe('UPSCALE-123-1::midjourney');
    expect(virtualCommand('https://chatnio.virtual/REROLL-abc%20def::midjourney-fast')).toBe('REROLL-abc def::midjourney-fast');
  });

  it('keeps a malformed escape as written', () => {
    expect(virtualCommand('https://chatnio.virtual/V1-100%-2')).toBe('V1-100%-2');
  });

  it('is null for ordinary links and for the bare host', () => {
    expect(virtualCommand('https://example.com/UPSCALE-1')).toBeNull();
    expect(virtualCommand('http://chatnio.virtual/UPSCALE-1')).toBeNull();
    expect(virtualCommand('https://chatnio.virtual/')).toBeNull();
    expect(virtualCommand(undefined)).toBeNull();
  });
});

describe('progressValue', () => {
  it('is the last number of the fence', () => {
    expect(progressValue('12\n40\n100\n')).toBe(100);
    expect(progressValue('0\n27')).toBe(27);
    expect(progressValue('35%\n')).toBe(35);
  });

  it('stays within 0–100', () => {
    expect(progressValue('140')).toBe(100);
    expect(progressValue('-3')).toBe(0);
  });

  it('skips lines that are not numbers, and is null when none is', () => {
    expect(progressValue('12\nqueued\n')).toBe(12);
    expect(progressValue('waiting')).toBeNull();
    expect(progressValue('')).toBeNull();
  });
});

describe('isFenceClosed', () => {
  it('sees the closing fence', () => {
    expect(isFenceClosed('```js\nlet a\n```')).toBe(true);
    expect(isFenceClosed('~~~~\nx\n~~~~~\n')).toBe(true);
  });

  it('sees a fence still open, or closed by a shorter or different fence', () => {
    expect(isFenceClosed('```js\nlet a')).toBe(false);
    expect(isFenceClosed('```js')).toBe(false);
    expect(isFenceClosed('````\nx\n```')).toBe(false);
    expect(isFenceClosed('~~~\nx\n```')).toBe(false);
  });

  it('counts an indented code block (no fence) as complete', () => {
    expect(isFenceClosed('    code')).toBe(true);
  });
});

describe('safeUrl', () => {
  it('keeps web links and inline raster images', () => {
    expect(safeUrl('https://example.com/a?b=1', 'href')).toBe('https://example.com/a?b=1');
    expect(safeUrl('data:image/png;base64,iVBORw0KGgo=', 'src')).toBe('data:image/png;base64,iVBORw0KGgo=');
  });

  it('empties script and other data URLs', () => {
    expect(safeUrl('javascript:alert(1)', 'href')).toBe('');
    expect(safeUrl('JaVaScRiPt:alert(1)', 'href')).toBe('');
    expect(safeUrl('data:text/html;base64,PHNjcmlwdD4=', 'href')).toBe('');
    expect(safeUrl('data:image/png;base64,iVBORw0KGgo=', 'href')).toBe('');
    expect(safeUrl('data:image/svg+xml;base64,PHN2Zz4=', 'src')).toBe('');
    expect(safeUrl('vbscript:msgbox(1)', 'href')).toBe('');
    expect(safeUrl(' javascript:alert(1)', 'href')).toBe('');
  });

  it('keeps relative URLs, even with a colon in their path, query or fragment, and mail links', () => {
    for (const url of ['/docs/a:b', 'guide/setup', '?q=a:b', '#note:1', 'mailto:team@example.com', 'HTTP://EXAMPLE.COM']) {
      expect(safeUrl(url, 'href'), url).toBe(url);
    }
  });
});
