CREATE TABLE t_entry (
    id     BIGINT PRIMARY KEY,
    amount NUMERIC NOT NULL
);
