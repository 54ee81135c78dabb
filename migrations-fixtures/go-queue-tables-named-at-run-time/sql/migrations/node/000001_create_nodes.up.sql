CREATE TABLE nodes (
    id TEXT PRIMARY KEY,
    started_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE paused_partition_versions (
    key TEXT PRIMARY KEY,
    version BIGINT NOT NULL DEFAULT 0
);
