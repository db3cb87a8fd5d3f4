import type { IrProtocol, IrRequest } from './ir.js';

/**
 * What a conversion could not carry, by short stable feature name (`tools.web_search`,
 * `content.server_tool_use`, `role.critic`, `field.container` …). Decoders record what the IR
 * cannot hold, capability stripping what the model lacks, encoders what the target protocol
 * cannot express; the relay reports the union to the client in one response header, so
 * nothing is dropped silently.
 *
 * Names are built from a fixed area and the caller's own identifier (a tool type, a block
 * type, a field name), reduced to `[a-z0-9_-]` and cut short: they are safe in a header and in
 * a log line, and never carry prompt text.
 */
export class DroppedFeatures {
  private readonly names = new Set<string>();

  /** Records one dropped feature: `area` is ours (`tools`, `content` …), `name` may come from the caller. */
  add(area: DropArea, name?: string): void {
    this.names.add(name === undefined ? area : `${area}.${featureToken(name)}`);
  }

  /** Records every name of another collector. */
  addAll(other: DroppedFeatures): void {
    for (const name of other.names) this.names.add(name);
  }

  get size(): number {
    return this.names.size;
  }

  /** The names in the order first recorded. */
  list(): string[] {
    return [...this.names];
  }
}

/** The areas a dropped feature belongs to. */
export type DropArea =
  /** A tool of a type the target cannot call (`tools.web_search`). */
  | 'tools'
  /** A content block or part type (`content.server_tool_use`, `content.image`). */
  | 'content'
  /** A message role (`role.critic`). */
  | 'role'
  /** An input item type of the Responses API (`input.web_search_call`). */
  | 'input'
  /** A top-level request field (`field.container`). */
  | 'field'
  /** A request setting the target has no field for (`setting.top_k`). */
  | 'setting';

/** The longest name part kept: enough for any real type name, short enough for a header. */
const MAX_TOKEN = 48;

function featureToken(name: string): string {
  const token = name
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '_')
    .slice(0, MAX_TOKEN);
  return token === '' ? '_' : token;
}

/** The response header that names what was dropped. */
export const DROPPED_HEADER = 'x-switchboard-dropped';

/** The longest header value sent; further names are counted in a final `+N`. */
const MAX_HEADER = 512;

/** The header value: names comma-separated, cut at a name boundary with `+N` for the rest. */
export function droppedHeaderValue(names: readonly string[]): string {
  let out = '';
  for (let i = 0; i < names.length; i++) {
    const next = out === '' ? names[i]! : `${out},${names[i]!}`;
    if (next.length > MAX_HEADER) return `${out},+${names.length - i}`;
    out = next;
  }
  return out;
}

/**
 * Fields that steer only the caller's vendor — what it stores, caches or bills, where its
 * prompt cache lives — and never what the model is asked: leaving them out of another
 * protocol changes no answer, so they are not reported.
 */
const VENDOR_HINTS: ReadonlySet<string> = new Set([
  'store',
  'include',
  'metadata',
  'service_tier',
  'safety_identifier',
  'prompt_cache_key',
  'prompt_cache_retention',
  'stream_options',
  'labels',
]);

/**
 * Records the `extra` fields of another protocol, which an encoder for `target` cannot send:
 * built-in tools kept in `extra.tools` by their type (`tools.web_search`), everything else by
 * field name (`field.container`), vendor hints (above) excepted.
 */
export function dropForeignExtra(ir: IrRequest, target: IrProtocol | 'native', dropped: DroppedFeatures | undefined): void {
  if (!dropped || !ir.extra || ir.extra.protocol === target) return;
  for (const [key, value] of Object.entries(ir.extra.fields)) {
    if (VENDOR_HINTS.has(key)) continue;
    if (key === 'tools' && Array.isArray(value)) {
      for (const tool of value) dropped.add('tools', toolType(tool));
    } else {
      dropped.add('field', key);
    }
  }
}

/** The `type` of a wire tool; for Gemini's `{googleSearch: {}}` style, its first key. */
function toolType(tool: unknown): string {
  if (typeof tool !== 'object' || tool === null) return 'custom';
  const type = (tool as { type?: unknown }).type;
  if (typeof type === 'string' && type !== '') return type;
  return Object.keys(tool)[0] ?? 'custom';
}
