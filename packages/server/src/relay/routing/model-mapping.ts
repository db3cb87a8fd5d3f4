/**
 * Channel model mapping (C-3), one rule per line:
 *   `from>to`   a request for `from` is sent upstream as `to`;
 *   `!from>to`  the same, and `to` is hidden from this channel's own model list,
 *               so callers can only reach it under the name `from`.
 */
export interface ModelMapping {
  rules: ReadonlyMap<string, string>;
  hidden: ReadonlySet<string>;
}

export function parseModelMapping(text: string): { mapping: ModelMapping; errors: string[] } {
  const rules = new Map<string, string>();
  const hidden = new Set<string>();
  const errors: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const hide = line.startsWith('!');
    const parts = (hide ? line.slice(1) : line).split('>');
    const from = parts[0]?.trim() ?? '';
    const to = parts[1]?.trim() ?? '';
    if (parts.length !== 2 || from === '' || to === '') {
      errors.push(`line ${i + 1}: "${line}" is not of the form from>to or !from>to`);
      return;
    }
    if (rules.has(from)) errors.push(`line ${i + 1}: "${from}" is mapped twice`);
    rules.set(from, to);
    if (hide) hidden.add(to);
  });
  return { mapping: { rules, hidden }, errors };
}

/** The models a channel answers to: its own list plus mapped names, minus hidden targets. */
export function exposedModels(models: readonly string[], mapping: ModelMapping): string[] {
  const out = new Set<string>();
  for (const m of models) if (!mapping.hidden.has(m)) out.add(m);
  for (const from of mapping.rules.keys()) if (!mapping.hidden.has(from)) out.add(from);
  return [...out];
}
