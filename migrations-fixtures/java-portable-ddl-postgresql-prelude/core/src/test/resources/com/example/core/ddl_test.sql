/*! SET default_storage_engine=INNODB */;

DROP TABLE IF EXISTS lock_probe;
CREATE TABLE lock_probe (
    record_id serial unique,
    holder varchar(36) NOT NULL,
    PRIMARY KEY(record_id)
) /*! CHARACTER SET utf8 COLLATE utf8_bin */;
