package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	_ "github.com/jackc/pgx/v5/stdlib"
)

type Find struct {
	Done      *bool
	WithNotes bool
	Limit     int
}

// ListTasks builds its select list and its conditions in slices; a filter adds to both.
func ListTasks(ctx context.Context, db *sql.DB, find Find) (*sql.Rows, error) {
	fields := []string{"task.id AS id", "task.title AS title"}
	where, args := []string{"1 = 1"}, []any{}
	if find.Done != nil {
		where, args = append(where, fmt.Sprintf("task.done = $%d", len(args)+1)), append(args, *find.Done)
	}
	if find.WithNotes {
		// No migration adds task.notes yet.
		fields = append(fields, "task.notes AS notes")
	}
	orderBy := []string{"created_at DESC"}
	orderBy = append(orderBy, "id DESC")
	query := "SELECT " + strings.Join(fields, ", ") + " FROM task WHERE " + strings.Join(where, " AND ") +
		" ORDER BY " + strings.Join(orderBy, ", ")
	return db.QueryContext(ctx, query, args...)
}
