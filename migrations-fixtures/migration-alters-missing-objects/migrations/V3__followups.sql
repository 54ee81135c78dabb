-- Written against the schema before V2: each of these fails when Flyway runs it.
ALTER TABLE customers ALTER COLUMN email SET NOT NULL;
ALTER TABLE audit_log ADD COLUMN actor text;
ALTER TABLE invoices DROP COLUMN discount_cents;

-- These are fine: IF EXISTS, a table no migration here creates (created outside the
-- migrations), an extension's schema, and a DO block whose handler catches the error.
ALTER TABLE customers DROP COLUMN IF EXISTS legacy_code;
DROP TABLE IF EXISTS audit_log;
ALTER TABLE IF EXISTS audit_log ADD COLUMN actor text;
ALTER TABLE sessions ADD COLUMN user_agent text;
ALTER TABLE pgmq.q_emails ADD COLUMN priority int;
DO $$
BEGIN
    ALTER TABLE invoices RENAME COLUMN total TO total_cents;
EXCEPTION
    WHEN undefined_column THEN NULL;
END $$;
