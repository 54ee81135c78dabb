// Summarises documents with an LLM and stores each result through Kysely.
import { Kysely } from 'kysely';
import type { DB } from 'src/schema';

export class LlmResultRepository {
  constructor(private db: Kysely<DB>) {}

  save(tenantId: string, promptHash: string, output: string) {
    return this.db
      .insertInto('llm_results')
      .values({ tenant_id: tenantId, prompt_hash: promptHash, output, model_version: 'gpt-4o-2024-08-06' })
      .returning(['id'])
      .executeTakeFirstOrThrow();
  }
}
