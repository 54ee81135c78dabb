CREATE TABLE tenant (
  id serial PRIMARY KEY,
  name text NOT NULL
);

CREATE TABLE llm_results (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id integer NOT NULL REFERENCES tenant (id),
  prompt_hash text NOT NULL,
  output text NOT NULL,
  tokens_used integer NOT NULL DEFAULT 0,
  "createdAt" timestamptz NOT NULL DEFAULT now()
);
