package catalog

import (
	"context"
	"database/sql"
	"fmt"
)

const queryFmtCountVisible = `SELECT count(*) FROM %s WHERE shop_id = $1 AND deleted_at IS NULL`

// Counts holds one statement per table, written once by its constructor.
type Counts struct {
	sqlCountLive     string
	sqlCountArchived string
}

func NewCounts() *Counts {
	return &Counts{
		sqlCountLive:     fmt.Sprintf(queryFmtCountVisible, "products"),
		sqlCountArchived: fmt.Sprintf(queryFmtCountVisible, "archived_products"),
	}
}

// Each case runs its own table's statement: both are checked here, where they run.
func (c *Counts) Visible(ctx context.Context, db *sql.DB, shopID int64, archived bool) (n int64, err error) {
	var query string
	switch {
	case !archived:
		query = c.sqlCountLive
	default:
		query = c.sqlCountArchived
	}
	err = db.QueryRowContext(ctx, query, shopID).Scan(&n)
	return n, err
}
