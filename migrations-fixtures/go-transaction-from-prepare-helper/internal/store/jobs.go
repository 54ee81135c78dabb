package store

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"

	"example.com/queue/internal/store/dbutil"
)

type Jobs struct {
	pool *pgxpool.Pool
}

// Retry marks a failed job queued again; attempts comes with a migration not written yet.
func (j *Jobs) Retry(ctx context.Context, id int64) error {
	tx, commit, rollback, err := dbutil.PrepareTx(ctx, j.pool)
	if err != nil {
		return err
	}
	defer rollback()
	if _, err := tx.Exec(ctx, `UPDATE jobs SET state = 'queued', attempts = attempts + 1 WHERE id = $1`, id); err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, `CREATE TEMP TABLE tmp_retried ON COMMIT DROP AS SELECT id, name FROM jobs WHERE id = $1`, id); err != nil {
		return err
	}
	return commit(ctx)
}
