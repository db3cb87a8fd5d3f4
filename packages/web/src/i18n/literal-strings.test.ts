import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { literalStrings } from './literal-strings';

const src = fileURLToPath(new URL('..', import.meta.url));

describe('no hard-coded user-visible text in JSX', () => {
  it('finds text between tags, in text attributes and as string children', () => {
    const sample = `export const A = () => (
      <div className="p-4" title="Close">
        Hello
        <img alt={'A cat'} src="/cat.png" />
        <span>{'Bye'}</span>
        <b>{t('ok')} · 42</b>
      </div>
    );`;
    expect(literalStrings('sample.tsx', sample).map((found) => found.text)).toEqual(['Close', 'Hello', 'A cat', 'Bye']);
  });

  it('holds for every TSX file of the app', () => {
    const files = readdirSync(src, { recursive: true })
      .map(String)
      .filter((file) => file.endsWith('.tsx'));
    expect(files.length).toBeGreaterThan(5);
    const offenders = files.flatMap((file) =>
      literalStrings(file, readFileSync(join(src, file), 'utf8')).map((found) => `${file}:${found.line} ${JSON.stringify(found.text)}`),
    );
    expect(offenders).toEqual([]);
  });
});
