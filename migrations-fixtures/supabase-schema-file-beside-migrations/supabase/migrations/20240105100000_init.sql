CREATE TABLE customers (
  id uuid PRIMARY KEY
);
