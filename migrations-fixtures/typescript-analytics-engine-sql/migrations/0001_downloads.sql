CREATE TABLE download_events (
    id BIGSERIAL PRIMARY KEY,
    package_id TEXT NOT NULL,
    version TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
