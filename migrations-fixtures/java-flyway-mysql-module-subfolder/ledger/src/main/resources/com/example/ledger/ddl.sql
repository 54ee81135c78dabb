DROP TABLE IF EXISTS ledger_entries;
CREATE TABLE ledger_entries (
    record_id serial unique,
    id varchar(36) NOT NULL,
    account_id varchar(36) NOT NULL,
    amount numeric(15,9) NOT NULL,
    currency varchar(3) NOT NULL,
    created_date timestamp NOT NULL,
    PRIMARY KEY(record_id)
);
CREATE INDEX ledger_entries_account_id ON ledger_entries(account_id);
