/**
 * MariaDB's FULLTEXT index holds words (runs of letters, digits, marks and underscores, with
 * single apostrophes inside) of at least `innodb_ft_min_token_size` characters that are not
 * stopwords. MATCH … AGAINST in boolean mode finds rows by such words or their starts (`word*`).
 * This picks the words of a query the index can find as required prefixes; the query itself is
 * then checked with LIKE, so any word left out only makes the index narrow less, never changes
 * the answer.
 */
export interface FulltextRules {
  minTokenSize: number;
  maxTokenSize: number;
  /** Lower case. */
  stopwords: ReadonlySet<string>;
}

const WORD = /[\p{L}\p{N}\p{M}_]+(?:'[\p{L}\p{N}\p{M}_]+)*/gu;
/**
 * Scripts written without spaces: the parser takes a whole run (a clause of Chinese) as one word,
 * so a query's words in them are rarely the start of an indexed word. Left to the LIKE.
 */
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/** The AGAINST text in boolean mode, or undefined when no word of the query can use the index. */
export function booleanPrefixQuery(query: string, rules: FulltextRules): string | undefined {
  const words = query.match(WORD) ?? [];
  // A query that starts inside a word ("orld peace") has a first word that is no word's start;
  // the last may be cut short, which `*` covers. Alone, a word is taken as a word's start.
  const whole = words.length > 1 && /^[\p{L}\p{N}\p{M}_]/u.test(query) ? words.slice(1) : words;
  const usable = whole.filter((w) => {
    const length = Array.from(w).length;
    return length >= rules.minTokenSize && length <= rules.maxTokenSize && !rules.stopwords.has(w.toLowerCase()) && !UNSPACED_SCRIPT.test(w);
  });
  return usable.length ? usable.map((w) => `+${w}*`).join(' ') : undefined;
}
