CREATE TABLE identities (
    id uuid PRIMARY KEY,
    created_at timestamptz NOT NULL
);

CREATE TABLE recovery_addresses (
    id uuid PRIMARY KEY,
    identity_id uuid NOT NULL REFERENCES identities (id),
    value text NOT NULL,
    via text NOT NULL
);

CREATE TABLE credential_identifiers (
    id uuid PRIMARY KEY,
    credential_id uuid NOT NULL,
    identifier text NOT NULL
);

CREATE TABLE credentials (
    id uuid PRIMARY KEY,
    identity_id uuid NOT NULL REFERENCES identities (id),
    kind text NOT NULL,
    config jsonb NOT NULL
);
