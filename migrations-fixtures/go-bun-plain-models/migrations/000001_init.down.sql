DROP TABLE leafs;
DROP TABLE pin_categories;
DROP TABLE boards;
