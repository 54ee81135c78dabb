package store

import (
	"context"

	"github.com/uptrace/bun"
)

// OptedIn lists the regions an account opted into, newest partition first.
func OptedIn(ctx context.Context, db *bun.DB) ([]string, error) {
	var names []string
	err := db.NewSelect().Table("aws_region").Column("name").
		Where("opt_in_status = ?", "opted-in").
		Where("? IS NOT NULL", bun.Ident("partition_name")).
		Scan(ctx, &names)
	return names, err
}
