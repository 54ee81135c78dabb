package store

import (
	"context"

	"github.com/jmoiron/sqlx"
)

type Entry struct {
	ID     int64  `db:"entry_id"`
	Amount int64  `db:"entry_amount"`
	Memo   string `db:"entry_memo"`
}

// ListEntries reads an account's entries with the memo the second migration added.
func ListEntries(ctx context.Context, db *sqlx.DB, accountID int64) ([]Entry, error) {
	var out []Entry
	err := db.SelectContext(ctx, &out, `
		SELECT entry_id, entry_amount, entry_memo
		FROM entries
		WHERE entry_account_id = $1`, accountID)
	return out, err
}

// CountEntries spells the column in camel case, which PostgreSQL folds to entryaccountid.
func CountEntries(ctx context.Context, db *sqlx.DB, accountID int64) (int64, error) {
	var n int64
	err := db.GetContext(ctx, &n, `SELECT count(*) FROM entries WHERE entry_accountId = $1`, accountID)
	return n, err
}
