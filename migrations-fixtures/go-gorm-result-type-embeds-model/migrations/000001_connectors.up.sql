CREATE TABLE connectors (
    id bigserial PRIMARY KEY,
    created_at timestamptz,
    updated_at timestamptz,
    deleted_at timestamptz,
    name text NOT NULL,
    owner text NOT NULL
);

CREATE TABLE connector_statuses (
    id bigint PRIMARY KEY REFERENCES connectors (id),
    conditions jsonb
);
