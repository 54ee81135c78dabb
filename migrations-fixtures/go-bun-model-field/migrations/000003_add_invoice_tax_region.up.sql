ALTER TABLE invoices ADD COLUMN tax_region_id text NOT NULL DEFAULT 'none';
