package migrations

import (
	"context"
	"database/sql"

	"github.com/pressly/goose/v3"
)

func init() {
	goose.AddMigrationContext(upTicketQueue, downTicketQueue)
}

// Tickets move into queues: the "general" queue comes first. The column that puts tickets in
// queues was left for a later migration, which was never written.
func upTicketQueue(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO queues (name) VALUES ('general')`)
	return err
}

func downTicketQueue(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, `DELETE FROM queues WHERE name = 'general'`)
	return err
}
