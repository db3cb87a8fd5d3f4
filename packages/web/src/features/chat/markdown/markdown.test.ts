import i18n from 'i18next';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { resources } from '@/i18n/resources';
import { Markdown as LazyMarkdown, ReasoningBlock } from './index';
import { MarkdownRenderer as Markdown } from './markdown-renderer';

// Rendered on the server (no DOM): what the first paint of a message shows, before any lazy
// library (KaTeX, Shiki, Mermaid) has loaded.

beforeAll(async () => {
  await i18n.use(initReactI18next).init({ resources, lng: 'zh-CN', interpolation: { escapeValue: false } });
});

const render = (text: string, streaming = false) => renderToString(createElement(Markdown, { text, streaming }));

describe('Markdown', () => {
  it('draws a GFM table in its own scrolling box', () => {
    const html = render('| Model | Price |\n|---|--:|\n| gpt | 1.5 |');
    expect(html).toMatch(/<div tabindex="0" class="markdown-table[^"]*overflow-x-auto[^"]*"><table>/);
    expect(html).toContain('<th>Model</th>');
    expect(html).toContain('<td style="text-align:right">1.5</td>');
  });

  it('opens links in a new tab without giving the page access to the opener', () => {
    const html = render('See [the docs](https://example.com/docs) or https://example.org.');
    expect(html).toContain('href="https://example.com/docs" target="_blank" rel="noopener noreferrer"');
    expect(html).toContain('href="https://example.org" target="_blank" rel="noopener noreferrer"');
  });

  it('lazy-loads images, fitted to the column, a click away from full size', () => {
    const html = render('![a cat](https://example.com/cat.png)');
    expect(html).toMatch(/<a href="https:\/\/example.com\/cat.png" target="_blank" rel="noopener noreferrer"[^>]*><img src="https:\/\/example.com\/cat.png" alt="a cat" loading="lazy"/);
    expect(html).toContain('max-w-full');
  });

  it('draws footnotes under a heading in the reader’s language', () => {
    const html = render('A claim.[^1]\n\n[^1]: The source.');
    // In-page links: no new tab.
    expect(html).toMatch(/<sup><a [^>]*href="#user-content-fn-1"[^>]*>1<\/a><\/sup>/);
    expect(html).not.toContain('target="_blank"');
    expect(html).toContain('>脚注</h2>');
    expect(html).toContain('aria-label="返回正文"');
    expect(html).toContain('The source.');
  });

  it('shows raw HTML as text and never as elements', () => {
    const html = render('<script>alert(1)</script>\n\nHi <img src=x onerror="alert(2)"> there');
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(2)&quot;&gt;');
  });

  it('neutralizes javascript: and data: links, keeping their text', () => {
    const html = render('[click](javascript:alert(1)) and [page](data:text/html;base64,PHNjcmlwdD4=) and ![x](javascript:alert(3))');
    expect(html).not.toMatch(/javascript:|data:text/);
    expect(html).not.toContain('<a');
    expect(html).toContain('click');
    expect(html).toContain('page');
  });

  it('keeps an inline data image but never links to it', () => {
    const html = render('![dot](data:image/png;base64,iVBORw0KGgo=)');
    expect(html).toContain('<img src="data:image/png;base64,iVBORw0KGgo="');
    expect(html).not.toContain('<a');
  });

  it('draws a ```progress fence as a progress bar at its last number', () => {
    const html = render('```progress\n12\n40\n100\n```');
    expect(html).toMatch(/role="progressbar" aria-label="生成进度" aria-valuemin="0" aria-valuemax="100" aria-valuenow="100"/);
    expect(html).not.toContain('<pre');
  });

  it('shows a progress bar already while its fence streams', () => {
    expect(render('```progress\n12\n40', true)).toContain('aria-valuenow="40"');
  });

  it('draws virtual-message links as buttons', () => {
    const html = render('[U1](https://chatnio.virtual/UPSCALE-123-1::midjourney) [V1](https://chatnio.virtual/VARIATION-123-1::midjourney)');
    expect(html).toMatch(/<button type="button" title="发送指令 UPSCALE-123-1::midjourney"[^>]*>U1<\/button>/);
    expect(html).not.toContain('chatnio.virtual');
  });

  it('gives a code block a header with its language, a wrap toggle and a translated copy button', () => {
    const html = render('```ts\nconst a = 1;\n```');
    expect(html).toContain('>ts</span>');
    expect(html).toContain('aria-label="复制代码"');
    expect(html).toContain('aria-label="自动换行" aria-pressed="false"');
    expect(html).toContain('const a = 1;');
  });

  it('shows the source of an open ```mermaid fence as code while it streams, a diagram once closed', () => {
    const open = render('```mermaid\ngraph TD\nA-->B', true);
    expect(open).toContain('>mermaid</span>');
    expect(open).toContain('A--&gt;B');
    expect(open).not.toContain('正在绘制图表');
    const closed = render('```mermaid\ngraph TD\nA-->B\n```', true);
    expect(closed).toContain('正在绘制图表');
    expect(closed).not.toContain('A--&gt;B</code>');
  });

  it('draws a finished answer’s mermaid fence even if it was never closed', () => {
    expect(render('```mermaid\ngraph TD\nA-->B', false)).toContain('正在绘制图表');
  });

  it('puts the caret after the last word while streaming, and none after', () => {
    expect(render('Hello\n\n- one\n- two', true)).toMatch(/<li>two<span class="markdown-caret[^"]*" aria-hidden="true"><\/span><\/li>/);
    expect(render('Hello *world*', true)).toMatch(/<em>world<\/em><span class="markdown-caret/);
    expect(render('', true)).toContain('markdown-caret');
    expect(render('Hello')).not.toContain('markdown-caret');
    // In an open code block, after its last character, not on a line below it.
    expect(render('Run:\n\n```sh\nnpm i', true)).toMatch(/npm i<span class="markdown-caret[^"]*" aria-hidden="true"><\/span><\/code><\/pre><\/div><\/div>$/);
  });

  it('shows math as its source until KaTeX has loaded, with \\( \\) read as math', () => {
    const html = render('Energy \\(E = mc^2\\) and\n\n\\[\n\\int_0^1 x\\,dx\n\\]');
    expect(html).toMatch(/<span class="font-mono[^"]*">E = mc\^2<\/span>/);
    expect(html).toContain('\\int_0^1 x\\,dx');
    expect(html).not.toContain('\\(');
  });

  it('does not take prices for math', () => {
    expect(render('Plans cost $5 and $10 a month.')).toBe('<div class="markdown"><p>Plans cost $5 and $10 a month.</p></div>');
  });

  it('draws task lists with labelled checkboxes, strikethrough with two tildes only', () => {
    const html = render('- [x] done\n- [ ] todo\n\n~~old~~ and ~5 min');
    expect(html).toContain('aria-label="已完成"');
    expect(html).toContain('aria-label="未完成"');
    expect(html).toContain('<del>old</del>');
    expect(html).toContain('~5 min');
  });

  it('renders every block of a long answer', () => {
    const html = render('# Title\n\nOne.\n\n```js\nlet a;\n\nlet b;\n```\n\n1. a\n\n2. b\n\nEnd.');
    expect(html).toContain('<h1>Title</h1>');
    expect(html).toContain('<p>One.</p>');
    expect(html).toContain('let a;\n\nlet b;');
    expect(html).toMatch(/<ol>[\s\S]*<p>a<\/p>[\s\S]*<p>b<\/p>[\s\S]*<\/ol>/);
    expect(html).toContain('<p>End.</p>');
  });
});

describe('Markdown (the exported component)', () => {
  it('renders with the pipeline once its chunk has loaded, which starts on import', async () => {
    await vi.waitFor(() => {
      expect(renderToString(createElement(LazyMarkdown, { text: '# Hi\n\n**there**' }))).toBe('<div class="markdown"><h1>Hi</h1><p><strong>there</strong></p></div>');
    });
  });
});

describe('ReasoningBlock', () => {
  const reasoning = (props: { text: string; streaming?: boolean; durationMs?: number }) => renderToString(createElement(ReasoningBlock, props));

  it('is open, titled "thinking", while it streams', () => {
    const html = reasoning({ text: 'Let me see', streaming: true });
    expect(html).toContain('思考中…');
    expect(html).toContain('Let me see');
    expect(html).toContain('data-state="open"');
  });

  it('is folded when done, saying how long it thought', async () => {
    const html = reasoning({ text: 'Let me see', durationMs: 12_400 });
    expect(html).toContain('已思考 12 秒');
    expect(html).toContain('data-state="closed"');
    expect(html).not.toContain('Let me see');
    await i18n.changeLanguage('en');
    expect(reasoning({ text: 'x', durationMs: 1000 })).toContain('Thought for 1 second');
    expect(reasoning({ text: 'x', durationMs: 12_000 })).toContain('Thought for 12 seconds');
    await i18n.changeLanguage('ru');
    expect(reasoning({ text: 'x', durationMs: 5000 })).toContain('Думал 5 секунд');
    await i18n.changeLanguage('zh-CN');
  });
});
