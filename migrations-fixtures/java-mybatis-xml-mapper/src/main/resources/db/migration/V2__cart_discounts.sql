ALTER TABLE carts ADD COLUMN discount_code text;
ALTER TABLE cart_items ADD COLUMN unit_price_cents bigint;
