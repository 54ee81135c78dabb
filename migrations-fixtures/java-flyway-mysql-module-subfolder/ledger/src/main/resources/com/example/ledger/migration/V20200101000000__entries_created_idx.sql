CREATE INDEX ledger_entries_created_date ON ledger_entries(created_date);
