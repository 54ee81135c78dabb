-- Run once by hand when namespaces became repos, before the migration set existed.
INSERT INTO repos (id, name) SELECT id, name FROM namespaces;
UPDATE projects SET repo_id = namespace_id;
DROP TABLE IF EXISTS namespaces;
ALTER TABLE projects DROP COLUMN IF EXISTS namespace_id;
