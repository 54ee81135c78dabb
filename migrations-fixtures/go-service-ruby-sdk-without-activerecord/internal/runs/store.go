package runs

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"
)

type Store struct {
	pool *pgxpool.Pool
}

func (s *Store) Failed(ctx context.Context, workflow string) ([]string, error) {
	rows, err := s.pool.Query(ctx, `SELECT id FROM runs WHERE workflow = $1 AND status = 'FAILED' ORDER BY created_at`, workflow)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

func (s *Store) Retry(ctx context.Context, id string) error {
	_, err := s.pool.Exec(ctx, `UPDATE runs SET status = 'QUEUED', retried_at = now() WHERE id = $1`, id)
	return err
}
