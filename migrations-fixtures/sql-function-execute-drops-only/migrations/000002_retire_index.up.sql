-- Records an index and drops it; EXECUTE runs DROP INDEX only, which adds no column anywhere.
CREATE OR REPLACE FUNCTION retire_index(p_index text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO retired_indexes (index_name, definition)
    SELECT p_index, pg_get_indexdef(to_regclass(p_index))
    ON CONFLICT (index_name) DO UPDATE SET definition = EXCLUDED.definition, paused_at = NULL;
    EXECUTE format('DROP INDEX IF EXISTS %I', p_index);
END;
$$;

-- Adds a per-tenant column at run time: what it adds is built from its arguments, so every
-- name its body mentions may exist.
CREATE OR REPLACE FUNCTION add_tenant_column(p_table text, p_column text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('ALTER TABLE %I ADD COLUMN IF NOT EXISTS %I text', p_table, p_column);
    UPDATE jobs SET tenant_label = NULL WHERE false;
END;
$$;
