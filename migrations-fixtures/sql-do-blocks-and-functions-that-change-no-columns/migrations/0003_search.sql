-- Creating a function runs none of its body; this one only reads rows.
CREATE OR REPLACE FUNCTION files.search(prefix text, max_rows int) RETURNS SETOF text LANGUAGE plpgsql AS $fn$
DECLARE
  q text;
BEGIN
  q := 'SELECT b.name FROM files.blobs b WHERE b.name LIKE $1 LIMIT ' || max_rows;
  RETURN QUERY EXECUTE q USING prefix || '%';
END
$fn$;

-- A column added under a name built at run time: the audit table's columns stay uncertain.
CREATE OR REPLACE FUNCTION files.add_audit_column(col text) RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
  EXECUTE 'ALTER TABLE files.audit ADD COLUMN ' || quote_ident(col) || ' text';
END
$fn$;
