CREATE TABLE repo_migration_jobs (
    id BIGSERIAL PRIMARY KEY,
    repo_id BIGINT NOT NULL,
    state TEXT NOT NULL
);
