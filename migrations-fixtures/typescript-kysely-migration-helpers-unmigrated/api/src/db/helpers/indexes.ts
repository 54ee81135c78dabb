// The index statement for an embedding column, per extension.
export function embeddingIndexSql(extension: string, table: string, name: string): string {
  if (extension === 'vchord') {
    return `
      CREATE INDEX IF NOT EXISTS ${name} ON ${table} USING vchordrq (embedding vector_cosine_ops)`;
  }
  return `
    CREATE INDEX IF NOT EXISTS ${name} ON ${table} USING hnsw (embedding vector_cosine_ops)`;
}
