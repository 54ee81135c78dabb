DROP TABLE reaction;
DROP TABLE note;
