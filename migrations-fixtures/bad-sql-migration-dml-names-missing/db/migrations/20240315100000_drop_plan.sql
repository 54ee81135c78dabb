ALTER TABLE accounts DROP COLUMN plan;
DROP TABLE audit_trail;
