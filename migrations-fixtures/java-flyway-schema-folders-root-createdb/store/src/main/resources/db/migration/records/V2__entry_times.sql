alter table record_entry add column committed_at timestamp with time zone;
