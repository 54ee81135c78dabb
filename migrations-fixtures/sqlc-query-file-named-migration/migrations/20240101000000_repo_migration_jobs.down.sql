DROP TABLE repo_migration_jobs;
