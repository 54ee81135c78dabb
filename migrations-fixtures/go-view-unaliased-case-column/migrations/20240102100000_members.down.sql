DROP TABLE shifts;
DROP TABLE members;
