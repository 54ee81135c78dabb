-- migrate:up transaction:false
CREATE TABLE closing_periods (
    id         bigserial PRIMARY KEY,
    starts_on  date NOT NULL,
    ends_on    date NOT NULL,
    closed_at  timestamptz
);
CREATE INDEX CONCURRENTLY postings_account_idx ON postings (account_id);

-- migrate:down
DROP INDEX postings_account_idx;
DROP TABLE closing_periods;
