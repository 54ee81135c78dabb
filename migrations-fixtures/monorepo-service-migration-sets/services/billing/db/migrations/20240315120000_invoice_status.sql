-- migrate:up
ALTER TABLE invoices ADD COLUMN status text NOT NULL DEFAULT 'open';

-- migrate:down
ALTER TABLE invoices DROP COLUMN status;
