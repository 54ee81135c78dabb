package report

import (
	"context"
	"database/sql"
)

// Backlog counts the open tickets of each queue for the dashboard.
func Backlog(ctx context.Context, db *sql.DB) (map[string]int, error) {
	rows, err := db.QueryContext(ctx, `SELECT q.name, count(*) FROM tickets t JOIN queues q ON q.id = t.queue_tickets GROUP BY q.name`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var name string
		var n int
		if err := rows.Scan(&name, &n); err != nil {
			return nil, err
		}
		out[name] = n
	}
	return out, rows.Err()
}
