DROP TABLE archived_products;
DROP TABLE products;
