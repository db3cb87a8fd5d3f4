import type { DroppedFeatures } from '../../dropped.js';

/**
 * The parts of an OpenAI Chat body the codec knows, before validation: messages of roles it
 * does not know, content parts of types it does not know and tools other than functions are
 * left out and recorded, so a conversion carries the rest instead of refusing the call. What
 * remains is validated as strictly as before (a malformed known part is still an error).
 */
const ROLES: ReadonlySet<string> = new Set(['system', 'developer', 'user', 'assistant', 'tool', 'function']);
const USER_PARTS: ReadonlySet<string> = new Set(['text', 'image_url', 'input_audio', 'file']);
const TOOL_RESULT_PARTS: ReadonlySet<string> = new Set(['text', 'image_url']);
const ASSISTANT_PARTS: ReadonlySet<string> = new Set(['text', 'refusal']);

const PARTS_BY_ROLE: Readonly<Record<string, ReadonlySet<string>>> = {
  user: USER_PARTS,
  tool: TOOL_RESULT_PARTS,
  assistant: ASSISTANT_PARTS,
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function knownOnly(body: Record<string, unknown>, dropped: DroppedFeatures | undefined): Record<string, unknown> {
  let out = body;
  if (Array.isArray(body.messages)) {
    const messages = body.messages.flatMap((m: unknown) => knownMessage(m, dropped));
    out = { ...out, messages };
  }
  if (Array.isArray(body.tools)) {
    const tools = body.tools.filter((t: unknown) => {
      const type = isRecord(t) ? t.type : undefined;
      if (typeof type !== 'string' || type === 'function') return true;
      dropped?.add('tools', type);
      return false;
    });
    out = { ...out, tools };
  }
  return out;
}

function knownMessage(m: unknown, dropped: DroppedFeatures | undefined): unknown[] {
  if (!isRecord(m) || typeof m.role !== 'string') return [m];
  if (!ROLES.has(m.role)) {
    dropped?.add('role', m.role);
    return [];
  }
  const allowed = PARTS_BY_ROLE[m.role];
  if (!allowed || !Array.isArray(m.content)) return [m];
  const content = m.content.filter((p: unknown) => {
    const type = isRecord(p) ? p.type : undefined;
    if (typeof type !== 'string' || allowed.has(type)) return true;
    dropped?.add('content', type);
    return false;
  });
  return [{ ...m, content }];
}
