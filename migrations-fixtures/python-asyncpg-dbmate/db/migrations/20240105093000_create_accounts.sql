-- migrate:up
CREATE TYPE account_kind AS ENUM ('asset', 'liability', 'equity', 'income', 'expense');

CREATE TABLE accounts (
    id          bigserial PRIMARY KEY,
    code        text NOT NULL UNIQUE,
    kind        account_kind NOT NULL,
    name        text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE journal_entries (
    id         bigserial PRIMARY KEY,
    posted_at  timestamptz NOT NULL,
    memo       text
);

CREATE TABLE postings (
    id            bigserial PRIMARY KEY,
    entry_id      bigint NOT NULL REFERENCES journal_entries (id),
    account_id    bigint NOT NULL REFERENCES accounts (id),
    amount_cents  bigint NOT NULL
);

-- migrate:down
DROP TABLE postings;
DROP TABLE journal_entries;
DROP TABLE accounts;
DROP TYPE account_kind;
