-- Every timestamp is now called created_at.
ALTER TABLE orders RENAME COLUMN placed_at TO created_at;
