CREATE TABLE llm_results (
    id          bigserial PRIMARY KEY,
    tenant_id   bigint      NOT NULL REFERENCES tenants (id),
    provider    text        NOT NULL,
    prompt_hash text        NOT NULL,
    output      text        NOT NULL,
    tokens_used integer     NOT NULL DEFAULT 0,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX llm_results_tenant_idx ON llm_results (tenant_id, created_at DESC);
