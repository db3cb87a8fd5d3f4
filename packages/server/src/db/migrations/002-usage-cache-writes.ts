import type { Kysely } from 'kysely';

/**
 * Prompt-cache writes (Anthropic `cache_creation_input_tokens`) are priced apart from plain
 * input, so the usage log keeps them apart too. Part of `prompt_tokens`, like `cached_tokens`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('usage_logs')
    .addColumn('cache_write_tokens', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
}
