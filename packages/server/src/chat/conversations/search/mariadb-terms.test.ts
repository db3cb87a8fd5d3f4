import { describe, expect, it } from 'vitest';
import { booleanPrefixQuery, type FulltextRules } from './mariadb-terms.js';

const rules: FulltextRules = { minTokenSize: 3, maxTokenSize: 84, stopwords: new Set(['the', 'with', 'about']) };

describe('MariaDB boolean prefix query', () => {
  it('requires each indexable word as a word start', () => {
    expect(booleanPrefixQuery('quick brown fox', rules)).toBe('+brown* +fox*');
    expect(booleanPrefixQuery('brow', rules)).toBe('+brow*');
  });

  it('leaves out the first word when the query may start inside a word', () => {
    expect(booleanPrefixQuery('orld peace', rules)).toBe('+peace*');
    expect(booleanPrefixQuery(' world peace', rules)).toBe('+world* +peace*');
  });

  it('leaves out words the index does not hold: short ones, stopwords, CJK runs', () => {
    expect(booleanPrefixQuery('an AI model', rules)).toBe('+model*');
    expect(booleanPrefixQuery('x The model', rules)).toBe('+model*');
    expect(booleanPrefixQuery('x React 组件', rules)).toBe('+React*');
    expect(booleanPrefixQuery('x with', rules)).toBeUndefined();
    expect(booleanPrefixQuery('你好世界', rules)).toBeUndefined();
    expect(booleanPrefixQuery('AI', rules)).toBeUndefined();
  });

  it('never passes boolean-mode operators through', () => {
    expect(booleanPrefixQuery('x -secret +"phrase" (group) ~tilde <less> @2', rules)).toBe('+secret* +phrase* +group* +tilde* +less*');
    expect(booleanPrefixQuery("x don't snake_case", rules)).toBe("+don't* +snake_case*");
  });
});
