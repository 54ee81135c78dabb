package migrations

import (
	"context"
	"database/sql"

	"github.com/pressly/goose/v3"
)

func init() {
	goose.AddMigrationContext(upTicketQueue, downTicketQueue)
}

// Tickets move into queues: every existing ticket lands in a "general" queue.
func upTicketQueue(ctx context.Context, tx *sql.Tx) error {
	if _, err := tx.ExecContext(ctx, `ALTER TABLE "tickets" ADD COLUMN "queue_tickets" bigint NULL REFERENCES "queues" ("id") ON DELETE CASCADE`); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO queues (name) VALUES ('general')`); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `UPDATE tickets SET queue_tickets = (SELECT min(id) FROM queues)`)
	return err
}

func downTicketQueue(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, `ALTER TABLE "tickets" DROP COLUMN "queue_tickets"`)
	return err
}
