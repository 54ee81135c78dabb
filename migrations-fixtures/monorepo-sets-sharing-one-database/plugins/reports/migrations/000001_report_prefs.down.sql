DROP TABLE reports;
ALTER TABLE users DROP COLUMN report_frequency;
