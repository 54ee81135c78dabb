/*! SET default_storage_engine=INNODB */;

DROP TABLE IF EXISTS ledger_entries;
CREATE TABLE ledger_entries (
    record_id serial unique,
    id varchar(36) NOT NULL,
    customer_id varchar(36) NOT NULL,
    amount numeric(15,9) NULL,
    currency varchar(3) NULL,
    created_date datetime NOT NULL,
    PRIMARY KEY(record_id)
) /*! CHARACTER SET utf8 COLLATE utf8_bin */;
CREATE INDEX ledger_entries_customer_id ON ledger_entries(customer_id);
