CREATE TABLE wh_staging_files (
    id BIGSERIAL PRIMARY KEY,
    location TEXT NOT NULL,
    schema JSONB NOT NULL,
    schema_snapshot_id UUID,
    status VARCHAR(64) NOT NULL,
    created_at TIMESTAMP NOT NULL DEFAULT NOW()
);

CREATE TABLE wh_schema_snapshots (
    id UUID PRIMARY KEY,
    schema JSONB NOT NULL
);
