DROP TABLE t_entry;
