// Package catalog lists a shop's products.
package catalog

import (
	"context"
	"database/sql"
)

// Each branch appends its own ORDER BY: a run has one of them, never both.
func List(ctx context.Context, db *sql.DB, shopID int64, byTitle bool) (*sql.Rows, error) {
	query := `SELECT id, title FROM products WHERE shop_id = $1 AND deleted_at IS NULL`
	if byTitle {
		query += ` ORDER BY title`
	} else {
		query += ` ORDER BY popularity DESC, title`
	}
	return db.QueryContext(ctx, query, shopID)
}

// The else branch appends to the statement the function started with, not to the archive's
// statement the other branch assigned.
func IDs(ctx context.Context, db *sql.DB, shopID int64, archived bool) (*sql.Rows, error) {
	q := `SELECT id FROM products WHERE shop_id = $1`
	if archived {
		q = `SELECT id FROM archived_products WHERE shop_id = $1`
		return db.QueryContext(ctx, q, shopID)
	} else {
		q += ` AND deleted_at IS NULL`
	}
	return db.QueryContext(ctx, q, shopID)
}

// An else-if chain and a switch: one branch each.
func Page(ctx context.Context, db *sql.DB, shopID int64, order string, cheapFirst, newFirst bool) (*sql.Rows, error) {
	q := `SELECT id, title, price_cents FROM products WHERE shop_id = $1`
	if cheapFirst {
		q += ` AND price_cents < 1000`
	} else if newFirst {
		q += ` AND created_at > now() - interval '7 days'`
	} else {
		q += ` AND title <> ''`
	}
	switch order {
	case "new":
		q += ` ORDER BY created_at DESC`
	case "price":
		q += ` ORDER BY price_cents`
	default:
		q += ` ORDER BY id`
	}
	return db.QueryContext(ctx, q, shopID)
}

// Both names are assigned in the same branches: each text reads them from one branch, the
// archive's table with the archive's column.
func Recent(ctx context.Context, db *sql.DB, shopID int64, archived bool) (*sql.Rows, error) {
	var from, stamp string
	if archived {
		from = "archived_products"
		stamp = "archived_at"
	} else {
		from = "products"
		stamp = "created_at"
	}
	return db.QueryContext(ctx, "SELECT id, title FROM "+from+" WHERE shop_id = $1 ORDER BY "+stamp+" DESC LIMIT 20", shopID)
}
