-- Renames a column only where an older install still has the old name.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM information_schema.columns
             WHERE table_schema = 'ledger' AND table_name = 'accounts' AND column_name = 'opened') THEN
    ALTER TABLE ledger.accounts RENAME COLUMN opened TO opened_at;
  END IF;
END $$;
