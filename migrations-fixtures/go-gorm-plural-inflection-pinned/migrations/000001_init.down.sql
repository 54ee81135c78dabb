DROP TABLE evidences;
DROP TABLE leafs;
DROP TABLE collectors;
