import { describe, expect, it } from 'vitest';
import { highlight } from './highlight';

const marked = (text: string, query: string) => highlight(text, query).map((s) => (s.match ? `[${s.text}]` : s.text)).join('');

describe('highlighting the searched text in a snippet', () => {
  it('marks every occurrence, whatever its case, keeping the text as written', () => {
    expect(marked('Docker compose and DOCKER swarm', 'docker')).toBe('[Docker] compose and [DOCKER] swarm');
  });

  it('finds Chinese and Japanese text without word boundaries', () => {
    expect(marked('如何用 Python 写一个爬虫？爬虫要注意什么', '爬虫')).toBe('如何用 Python 写一个[爬虫]？[爬虫]要注意什么');
    expect(marked('東京の天気を教えて', '天気')).toBe('東京の[天気]を教えて');
  });

  it('takes the query literally (no pattern), and markup stays text', () => {
    expect(marked('price (USD) is 1.5*x', '(usd)')).toBe('price [(USD)] is 1.5*x');
    expect(marked('a.b axb', 'a.b')).toBe('[a.b] axb');
    expect(highlight('<img src=x onerror=alert(1)>', 'img')).toEqual([
      { text: '<', match: false },
      { text: 'img', match: true },
      { text: ' src=x onerror=alert(1)>', match: false },
    ]);
  });

  it('leaves the text whole when nothing matches or the query is blank', () => {
    expect(highlight('nothing here', 'zzz')).toEqual([{ text: 'nothing here', match: false }]);
    expect(highlight('nothing here', '  ')).toEqual([{ text: 'nothing here', match: false }]);
  });
});
