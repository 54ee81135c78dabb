ALTER TABLE ledger_accounts ADD COLUMN currency_code CHAR(3) NOT NULL DEFAULT 'EUR';
