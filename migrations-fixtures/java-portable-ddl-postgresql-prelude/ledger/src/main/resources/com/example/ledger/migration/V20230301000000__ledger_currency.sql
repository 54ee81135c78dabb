alter table ledger_entries modify currency varchar(3) null;
