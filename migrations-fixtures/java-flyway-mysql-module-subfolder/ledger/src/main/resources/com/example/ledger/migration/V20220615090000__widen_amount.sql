alter table ledger_entries modify amount numeric(18,9) not null;
drop index ledger_entries_account_id on ledger_entries;
