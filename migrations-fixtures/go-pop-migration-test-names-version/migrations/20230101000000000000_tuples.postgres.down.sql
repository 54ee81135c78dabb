DROP TABLE relation_tuples;
