import { readdirSync, readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * Requests captured from real clients (Claude Code, Codex CLI, the Vercel AI SDK and the
 * official SDKs) talking to a recording mock, trimmed to a few entries of each list but
 * with every field name, role, block type and tool type they sent. How they were captured
 * and what was new in each is in the README ("Use with Claude Code / Codex / Cursor / Cline").
 */
const callerProtocol = z.enum(['openai-chat', 'openai-responses', 'anthropic', 'gemini']);
export type CallerProtocol = z.infer<typeof callerProtocol>;

const fixtureSchema = z.object({
  client: z.string(),
  package: z.string(),
  version: z.string(),
  captured: z.string(),
  case: z.string(),
  protocol: callerProtocol,
  stream: z.boolean(),
  notes: z.array(z.string()),
  request: z.object({
    method: z.literal('POST'),
    path: z.string().startsWith('/v1'),
    headers: z.record(z.string(), z.string()),
    body: z.record(z.string(), z.unknown()),
  }),
});
export type ClientFixture = z.infer<typeof fixtureSchema> & { name: string };

const FIXTURE_DIR = new URL('./fixtures/clients/', import.meta.url);

export function loadClientFixtures(): ClientFixture[] {
  return readdirSync(FIXTURE_DIR)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => {
      const parsed = fixtureSchema.safeParse(JSON.parse(readFileSync(new URL(file, FIXTURE_DIR), 'utf8')));
      if (!parsed.success) throw new Error(`fixtures/clients/${file}: ${parsed.error.message}`);
      return { ...parsed.data, name: file.replace(/\.json$/, '') };
    });
}

/**
 * The fixture's request as it must be sent to a gateway serving `model`: the model swapped
 * (in the body, or in the URL for Gemini) and the key where that protocol's clients put it.
 */
export function replayRequest(fixture: ClientFixture, model: string, key: string): { path: string; headers: Record<string, string>; body: string } {
  const { path, headers, body } = fixture.request;
  const auth: Record<string, string> =
    fixture.protocol === 'anthropic' ? { 'x-api-key': key } : fixture.protocol === 'gemini' ? { 'x-goog-api-key': key } : { authorization: `Bearer ${key}` };
  if (fixture.protocol === 'gemini') {
    return { path: path.replace(/\/models\/[^/:]+:/, `/models/${encodeURIComponent(model)}:`), headers: { ...headers, ...auth }, body: JSON.stringify(body) };
  }
  return { path, headers: { ...headers, ...auth }, body: JSON.stringify({ ...body, model }) };
}

/**
 * The names of the plain function tools the client offered, in its protocol's spelling
 * (built-in and namespaced tools left out: not every protocol can carry them).
 */
export function functionToolNames(fixture: ClientFixture): string[] {
  const tools = fixture.request.body.tools;
  if (!Array.isArray(tools)) return [];
  return tools.flatMap((tool: unknown): string[] => {
    const parsed = toolShape.safeParse(tool);
    if (!parsed.success) return [];
    const t = parsed.data;
    switch (fixture.protocol) {
      case 'anthropic':
        return (t.type === undefined || t.type === 'custom') && t.name ? [t.name] : [];
      case 'openai-chat':
        return t.type === 'function' && t.function?.name ? [t.function.name] : [];
      case 'openai-responses':
        return t.type === 'function' && t.name ? [t.name] : [];
      case 'gemini':
        return (t.functionDeclarations ?? []).map((declaration) => declaration.name);
    }
  });
}

const toolShape = z.object({
  type: z.string().optional(),
  name: z.string().optional(),
  function: z.object({ name: z.string() }).optional(),
  functionDeclarations: z.array(z.object({ name: z.string() })).optional(),
});
