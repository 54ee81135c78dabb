alter table RULESET add column VERSION bigint not null default 0;
