DROP TABLE readers;
DROP TABLE newsletters;
