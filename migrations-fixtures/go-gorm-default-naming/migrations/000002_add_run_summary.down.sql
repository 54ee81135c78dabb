ALTER TABLE project_runs DROP COLUMN summary;
