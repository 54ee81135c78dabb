/*! SET default_storage_engine=INNODB */;

DROP TABLE IF EXISTS customers;
CREATE TABLE customers (
    record_id serial unique,
    id varchar(36) NOT NULL,
    email varchar(128) DEFAULT NULL,
    notes mediumtext DEFAULT NULL,
    created_date datetime NOT NULL,
    tenant_record_id bigint /*! unsigned */ not null default 0,
    PRIMARY KEY(record_id)
) /*! CHARACTER SET utf8 COLLATE utf8_bin */;
CREATE UNIQUE INDEX customers_id ON customers(id);
