package api

import (
	"context"
	"database/sql"

	_ "github.com/jackc/pgx/v5/stdlib"
)

func Touch(ctx context.Context, db *sql.DB, id int64) error {
	_, err := db.ExecContext(ctx, `UPDATE hosts SET last_report_at = now(), report_count = report_count + 1 WHERE id = $1`, id)
	return err
}
