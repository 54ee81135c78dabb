ALTER TABLE relation_tuples ADD COLUMN namespace TEXT;
ALTER TABLE relation_tuples DROP COLUMN namespace_id;
