alter table ledger_entries add column notes varchar(4096) DEFAULT NULL after currency;
