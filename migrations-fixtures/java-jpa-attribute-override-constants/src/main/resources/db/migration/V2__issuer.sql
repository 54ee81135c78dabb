ALTER TABLE invoices ADD COLUMN issued_by TEXT NOT NULL DEFAULT 'system';
