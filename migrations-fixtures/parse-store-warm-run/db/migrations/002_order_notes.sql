ALTER TABLE orders ADD COLUMN note text;
ALTER TABLE customers DROP COLUMN display_name;
