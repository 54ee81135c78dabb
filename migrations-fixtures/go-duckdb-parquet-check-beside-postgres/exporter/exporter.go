package exporter

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
)

type Exporter struct {
	pool *pgxpool.Pool
}

// Batch reads the reports of one hour, to be written as one parquet file.
func (e *Exporter) Batch(ctx context.Context, from time.Time) ([][]byte, error) {
	rows, err := e.pool.Query(ctx,
		`SELECT payload FROM error_reports WHERE reported_at >= $1 AND reported_at < $1 + interval '1 hour' AND exported_at IS NULL`, from)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out [][]byte
	for rows.Next() {
		var p []byte
		if err := rows.Scan(&p); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}
