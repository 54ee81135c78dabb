ALTER TABLE invoices DROP COLUMN tax_region_id;
