CREATE TABLE relation_tuples (
  id bigserial PRIMARY KEY,
  entity_type text NOT NULL,
  entity_id text NOT NULL,
  relation text NOT NULL,
  subject_id text NOT NULL,
  created_tx bigint NOT NULL
);
