import type { z } from 'zod';

/**
 * JSON this server stored earlier (settings, plan items, cached answers), read back through its
 * schema. Undefined when the text is not JSON or no longer fits the schema (written by another
 * version, or damaged): callers fall back rather than fail, so one bad row never stops a node.
 */
export function parseStoredJson<S extends z.ZodType>(schema: S, text: string): z.output<S> | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}
