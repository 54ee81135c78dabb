ALTER TABLE relation_tuples ADD COLUMN namespace_id INTEGER;
ALTER TABLE relation_tuples DROP COLUMN namespace;
