package server

import (
	"context"
	"database/sql"
)

func TopPlayers(ctx context.Context, db *sql.DB, matchID string) (*sql.Rows, error) {
	return db.QueryContext(ctx, `
SELECT p.handle, p.region, s.score
FROM match_scores s
JOIN players p ON p.id = s.player_id
WHERE s.match_id = $1
ORDER BY s.score DESC
LIMIT 10`, matchID)
}

func RecordMatch(ctx context.Context, db *sql.DB, id string) error {
	_, err := db.ExecContext(ctx, "INSERT INTO matches (id, started_at, mode) VALUES ($1, now(), 'ranked')", id)
	return err
}
