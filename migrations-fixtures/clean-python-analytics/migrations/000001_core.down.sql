DROP TABLE daily_totals;
DROP TABLE orders;
DROP TYPE order_state;
DROP TABLE customers;
