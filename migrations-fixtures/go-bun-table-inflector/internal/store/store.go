package store

import (
	"context"

	"github.com/uptrace/bun"
)

// Entry is stored in t_entry, as the project's inflector names it.
type Entry struct {
	ID     int64   `bun:",pk"`
	Amount float64 `bun:",notnull"`
}

func Entries(ctx context.Context, db *bun.DB) ([]Entry, error) {
	var es []Entry
	err := db.NewSelect().Model(&es).Where("amount > ?", 0).Scan(ctx)
	return es, err
}
