ALTER TABLE aws_region DROP COLUMN opt_in_status;
