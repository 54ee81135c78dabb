-- The queries of the job table that moves repositories between hosts: sqlc generates their Go.
-- The file is named for its table, not a migration script run by hand: it is checked.

-- name: ListPendingRepoMigrationJobs :many
SELECT id, repo_id, state, finished_at FROM repo_migration_jobs WHERE state = 'pending';

-- name: MarkRepoMigrationJobDone :exec
UPDATE repo_migration_jobs SET state = 'done' WHERE id = @id;
