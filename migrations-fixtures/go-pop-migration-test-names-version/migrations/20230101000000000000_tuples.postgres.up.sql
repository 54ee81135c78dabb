CREATE TABLE relation_tuples (
  shard_id UUID PRIMARY KEY,
  namespace_id INTEGER NOT NULL,
  object TEXT NOT NULL
);
