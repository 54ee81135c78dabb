DROP TABLE error_reports;
