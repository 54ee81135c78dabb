ALTER TABLE aws_region ADD COLUMN opt_in_status varchar;
--bun:split
CREATE INDEX aws_region_opt_in_idx ON aws_region (opt_in_status);
