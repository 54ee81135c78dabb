package store

import (
	"context"
	"database/sql"
)

// Cards in board order, with their labels.
func ListCards(ctx context.Context, db *sql.DB, boardID int) (*sql.Rows, error) {
	return db.QueryContext(ctx, `
		SELECT c.id, c.body, c.position, l.label
		FROM cards c
		LEFT JOIN card_labels l ON l.card_id = c.id
		WHERE c.board_id = $1
		ORDER BY c.position`, boardID)
}

func MoveCard(ctx context.Context, db *sql.DB, cardID, position int) error {
	_, err := db.ExecContext(ctx, "UPDATE cards SET position = $2, archived = true WHERE id = $1", cardID, position)
	return err
}
