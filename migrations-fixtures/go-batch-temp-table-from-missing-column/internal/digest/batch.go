package digest

import (
	"context"

	"github.com/jackc/pgx/v5"
)

// Stage copies the day's articles into a scratch table before the summaries are written.
// summary_model comes with a migration that has not been written yet.
func Stage(ctx context.Context, tx pgx.Tx) error {
	if _, err := tx.Exec(ctx, `
CREATE TEMP TABLE tmp_digest ON COMMIT DROP AS
SELECT id, title, summary_model
FROM articles
WHERE created_at > now() - interval '1 day'`); err != nil {
		return err
	}
	_, err := tx.Exec(ctx, `CREATE TEMP TABLE tmp_titles ON COMMIT DROP AS SELECT id, title FROM articles`)
	return err
}

// Pending reads the staged rows back.
func Pending(ctx context.Context, tx pgx.Tx) (pgx.Rows, error) {
	return tx.Query(ctx, `SELECT id, title FROM tmp_digest`)
}
