ALTER TABLE project_runs ADD COLUMN summary text NOT NULL DEFAULT '';
