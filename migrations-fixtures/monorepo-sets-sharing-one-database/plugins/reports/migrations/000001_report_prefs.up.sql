-- The reports plugin runs its migrations on the core's database, after the core's.
ALTER TABLE users ADD COLUMN report_frequency text NOT NULL DEFAULT 'weekly';

CREATE TABLE reports (
    id      bigserial PRIMARY KEY,
    user_id bigint NOT NULL REFERENCES users (id),
    body    text NOT NULL
);
