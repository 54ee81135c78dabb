-- Orders placed before 2024 move to an archive table, written the pre-CREATE TABLE AS way.
SELECT id, customer_id, placed_at, total_cents
INTO orders_2023
FROM orders
WHERE placed_at < '2024-01-01';

DELETE FROM orders WHERE placed_at < '2024-01-01';

-- The INTO of a UNION's first SELECT names the table for the whole query.
SELECT customer_id INTO TABLE lapsed_customers FROM orders_2023
UNION
SELECT customer_id FROM orders WHERE status = 'cancelled';

-- Inside PL/pgSQL, SELECT ... INTO fills a variable: no table "archived" is created.
DO $$
DECLARE
  archived bigint;
BEGIN
  SELECT count(*) INTO archived FROM orders_2023;
  RAISE NOTICE 'archived % orders', archived;
END
$$;
