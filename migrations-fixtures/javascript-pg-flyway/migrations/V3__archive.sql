CREATE TABLE tickets_archive (
    LIKE tickets INCLUDING DEFAULTS,
    archived_at timestamptz NOT NULL DEFAULT now()
);
