/**
 * Network addresses in upstream text (C-7): every URL, host name and IP address becomes
 * `[upstream]`, the rest of the sentence stays. An upstream's error may name any host — its
 * own, a relay behind it, an internal service — and each one tells a user where the channel
 * points.
 *
 * Ordinary text must survive: model names (`gpt-4.1`, `claude-3.5-sonnet`), versions, decimals,
 * file names (`image.png`, `main.py`), JSON paths (`messages.0.content`), times (`12:30:45`).
 * So a name counts as a host only when something says it is one:
 *   - a scheme (`https://…`, `wss://…`, `redis://…`): the whole URL, up to white space;
 *   - `localhost`;
 *   - dotted labels ending in a top-level domain of HOST_TLDS, a list of the domains APIs
 *     actually live under (deliberately not every TLD: `.py`, `.md`, `.sh`, `.zip`, `.id`, `.in`
 *     are real TLDs and far more often file types or field names);
 *   - dotted labels followed by a port of two digits or more (`svc.ns.cluster:8080`; Bedrock's
 *     `anthropic.claude-3-haiku-20240307-v1:0` is a model);
 *   - a single label followed by a port after a connecting word (`dial tcp ollama:11434`,
 *     `connect to vllm:8000`), since `status:503` or `line:12` alone look the same;
 *   - IPv4 (with or without port), and IPv6: bracketed, with `::`, or in full eight groups.
 * A host name's path (`api.example.com/v1/chat`) goes with it. Known over-masking, accepted as
 * harmless: a bare four-part version `1.2.3.4` (but not `v1.2.3.4`) and a slice such as `[::2]`.
 */
const MASK = '[upstream]';

const HOST_TLDS = [
  // generic domains APIs and relays live under
  'com', 'net', 'org', 'io', 'ai', 'dev', 'app', 'cloud', 'co', 'cc', 'tech', 'xyz', 'top', 'vip', 'site', 'online', 'biz', 'edu', 'gov', 'eu', 'asia',
  // countries where model APIs and relays are commonly hosted
  'cn', 'hk', 'tw', 'jp', 'kr', 'sg', 'us', 'uk', 'de', 'fr', 'nl', 'ch', 'se', 'ca', 'au', 'ru', 'br', 'vn',
  // names that never leave a private network, and the reserved example names
  'local', 'internal', 'lan', 'intranet', 'corp', 'localdomain', 'localhost', 'arpa', 'example', 'invalid',
];

const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
/** A port: not followed by more digits or word characters (`:8443`, not `:8443abc`). */
const PORT = ':\\d{1,5}(?!\\w)';
/**
 * A port where the name alone does not say "host": two digits at least, because `:0` / `:1`
 * end Bedrock model ids (`anthropic.claude-3-haiku-20240307-v1:0`).
 */
const LONG_PORT = ':\\d{2,5}(?!\\w)';
/** A path after a host: up to white space, quotes or brackets; trailing punctuation given back below. */
const PATH = '(?:/[^\\s"\'<>()\\[\\]{}`]*)?';
/** A host name starts a word (not inside `foo.bar-baz` or after a dot). */
const NOT_BEFORE = '(?<![\\w.-])';
/** … and ends one: not followed by more label characters or another label. */
const NOT_AFTER = '(?![\\w-]|\\.[a-z0-9])';

const V4_OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = `${V4_OCTET}(?:\\.${V4_OCTET}){3}`;
const H16 = '[0-9a-f]{1,4}';
/** `::` forms (at least one group beside it), or all eight groups; an IPv4 tail allowed. */
const IPV6 = [
  `(?:${H16}:){7}${H16}`,
  `(?:${H16}:){1,7}:(?:${H16}(?::${H16}){0,6})?`,
  `::(?:ffff:${IPV4}|${H16}(?::${H16}){0,6})`,
  `(?:${H16}:){1,6}:?${IPV4}`,
].join('|');
const ZONE = '(?:%[\\w.-]+)?';

/** Words after which `name:port` is a host: `dial tcp ollama:11434`, `connect to vllm:8000`. */
const CONNECTING_WORDS = '(?:tcp|udp|dial|connect|connecting|to|host|via|proxy)';

const PATTERN = new RegExp(
  [
    // Anything with a scheme, whole.
    `(?<url>\\b[a-z][a-z0-9+.-]{1,15}://[^\\s"'<>\`{}|\\\\^]+)`,
    // Bracketed IPv6, with an optional port.
    `(?<v6bracketed>\\[(?:${IPV6})${ZONE}\\](?:${PORT})?${PATH})`,
    // IPv4, with an optional port (not part of a longer dotted number such as a version).
    `(?<v4>(?<![\\w.])${IPV4}(?:${PORT})?${PATH}(?!\\w|\\.\\d))`,
    // Bare IPv6.
    `(?<v6>(?<![\\w:.])(?:${IPV6})${ZONE}(?![\\w:.]))`,
    // localhost.
    `(?<localhost>${NOT_BEFORE}localhost(?:${PORT})?${PATH}(?![\\w-]))`,
    // A name under a known TLD (a root dot allowed), or any dotted name with a port.
    `(?<host>${NOT_BEFORE}(?:${LABEL}\\.)+(?:(?:${HOST_TLDS.join('|')})\\.?(?:${PORT})?|[a-z][a-z0-9-]*${LONG_PORT})${PATH}${NOT_AFTER})`,
    // A single label with a port, after a connecting word.
    `(?<=\\b${CONNECTING_WORDS}\\s+)(?<service>${LABEL}${LONG_PORT}${PATH}${NOT_AFTER})`,
  ].join('|'),
  'gi',
);

/**
 * Punctuation that ends the sentence rather than the URL ("see https://x.example/doc.").
 * Given back only where the match could have swallowed it: a URL, a path, a host's root dot.
 */
const TRAILING = /[.,;:!?'")\]}]+$/;
/** Left alone: upstream hiding's own placeholder for the channel's base URL. */
const OWN_PLACEHOLDER = /^channel:\/\/\d+/i;

export function maskAddresses(text: string): string {
  return text.replace(PATTERN, (match: string) => {
    if (OWN_PLACEHOLDER.test(match)) return match;
    const open = match.includes('/') || match.endsWith('.');
    return MASK + (open ? (TRAILING.exec(match)?.[0] ?? '') : '');
  });
}
