ALTER TABLE ledger_accounts ADD COLUMN created_by TEXT NOT NULL DEFAULT 'system';
