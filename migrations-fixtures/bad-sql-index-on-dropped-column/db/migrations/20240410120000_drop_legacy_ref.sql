-- migrate:up
ALTER TABLE invoices DROP COLUMN legacy_ref;

-- migrate:down
ALTER TABLE invoices ADD COLUMN legacy_ref text;
