CREATE TABLE widgets (
    id bigint PRIMARY KEY,
    legacy_code text,
    title text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
