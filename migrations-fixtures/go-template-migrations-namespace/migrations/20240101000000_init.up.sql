CREATE SCHEMA IF NOT EXISTS {{ index .Options "Namespace" }};

CREATE TABLE IF NOT EXISTS {{ index .Options "Namespace" }}.accounts (
    id uuid PRIMARY KEY,
    email text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
