// The model lists each protocol serves, in each provider's list shape. Built once
// per mock: they never change while it runs.

export const DEFAULT_MODELS = ['gpt-4o-mini', 'gpt-4o'];
export const DEFAULT_ANTHROPIC_MODELS = ['claude-sonnet-4-5-20250929', 'claude-haiku-4-5-20251001'];
export const DEFAULT_GEMINI_MODELS = ['gemini-2.5-flash', 'gemini-2.5-pro'];

/** Fixed so list output is byte-identical between runs. */
const MODEL_CREATED = 1_700_000_000;

/**
 * "claude-sonnet-4-5-20250929" -> "Claude Sonnet 4.5", "gemini-2.5-flash" -> "Gemini 2.5 Flash":
 * close enough to the providers' display names for clients that show them.
 */
export function displayName(id: string): string {
  const words: string[] = [];
  for (const part of id.split('-')) {
    if (/^\d{8}$/.test(part)) continue; // a release date, not part of the name
    const prev = words.at(-1);
    if (/^\d+$/.test(part) && prev !== undefined && /^\d[\d.]*$/.test(prev)) words[words.length - 1] = `${prev}.${part}`;
    else words.push(part.charAt(0).toUpperCase() + part.slice(1));
  }
  return words.join(' ');
}

/** GET /v1/models (OpenAI, Azure v1). */
export function openaiModelList(models: string[]): string {
  return JSON.stringify({
    object: 'list',
    data: models.map((id) => ({ id, object: 'model', created: MODEL_CREATED, owned_by: 'mock' })),
  });
}

/** GET /v1/models with anthropic-version: newest first in the real API; here in the given order. */
export function anthropicModelList(models: string[]): string {
  return JSON.stringify({
    data: models.map((id) => ({ type: 'model', id, display_name: displayName(id), created_at: '2025-01-01T00:00:00Z' })),
    has_more: false,
    first_id: models[0] ?? null,
    last_id: models.at(-1) ?? null,
  });
}

/** GET /v1beta/models: names carry the `models/` prefix that generate paths use. */
export function geminiModelList(models: string[]): string {
  return JSON.stringify({
    models: models.map((id) => ({
      name: `models/${id}`,
      version: '001',
      displayName: displayName(id),
      description: `Mock of ${displayName(id)}`,
      inputTokenLimit: 1_048_576,
      outputTokenLimit: 65_536,
      supportedGenerationMethods: ['generateContent', 'countTokens', 'createCachedContent', 'batchGenerateContent'],
      temperature: 1,
      topP: 0.95,
      topK: 64,
      maxTemperature: 2,
      thinking: true,
    })),
  });
}
