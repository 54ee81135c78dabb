-- Some databases got "paid_on" from a hotfix; the others get "paid_at" now. Either way the
-- column is "paid_at" afterwards, and the table's other columns are untouched.
DO $$
BEGIN
  IF EXISTS (
    SELECT 1 FROM information_schema.columns
    WHERE table_schema = current_schema() AND table_name = 'invoices' AND column_name = 'paid_on'
  ) THEN
    ALTER TABLE "invoices" RENAME COLUMN "paid_on" TO "paid_at";
  ELSIF NOT EXISTS (
    SELECT 1 FROM information_schema.columns
    WHERE table_schema = current_schema() AND table_name = 'invoices' AND column_name = 'paid_at'
  ) THEN
    ALTER TABLE "invoices" ADD COLUMN "paid_at" timestamptz NULL;
  END IF;
END $$;
