--liquibase formatted sql

--changeset li:010-shipments
CREATE TABLE shipments (
    id bigserial PRIMARY KEY,
    order_id bigint NOT NULL REFERENCES orders (id),
    carrier text NOT NULL
);
--rollback DROP TABLE shipments;

--changeset li:011-mysql-carrier-index dbms:mysql
CREATE INDEX carrier_idx ON shipments (carrier(10));

--changeset li:012-label
ALTER TABLE shipments ADD COLUMN label_url text;
