package orders

import (
	"context"
	"database/sql"

	sq "github.com/Masterminds/squirrel"
)

var psql = sq.StatementBuilder.PlaceholderFormat(sq.Dollar)

type Repo struct{ db *sql.DB }

// Open lists a customer's orders that are not shipped; fulfilment_center was added for the
// second warehouse.
func (r *Repo) Open(ctx context.Context, customerID int64, center string) (*sql.Rows, error) {
	q := psql.Select("o.id", "o.total_cents", "o.fulfilment_center AS center").
		From("orders o").
		Where(sq.Eq{"o.customer_id": customerID, "o.fulfilment_center": center}).
		Where("shipped_at IS NULL").
		OrderBy("center", "o.created_at DESC")
	query, args, err := q.ToSql()
	if err != nil {
		return nil, err
	}
	return r.db.QueryContext(ctx, query, args...)
}

func (r *Repo) Place(ctx context.Context, customerID, total int64, center string) error {
	_, err := psql.Insert("orders").
		Columns("customer_id", "total_cents", "fulfilment_center").
		Values(customerID, total, center).
		RunWith(r.db).ExecContext(ctx)
	return err
}

func (r *Repo) Ship(ctx context.Context, id int64) error {
	_, err := psql.Update("orders").
		SetMap(map[string]interface{}{"shipped_at": sq.Expr("now()")}).
		Where(sq.And{sq.Eq{"id": id}, sq.Eq{"shipped_at": nil}}).
		RunWith(r.db).ExecContext(ctx)
	return err
}

func (r *Repo) WithCustomer(ctx context.Context) (*sql.Rows, error) {
	return sq.Select("o.id", "c.email", "total_cents").
		From("orders o").
		Join("customers c ON c.id = o.customer_id").
		PlaceholderFormat(sq.Dollar).RunWith(r.db).QueryContext(ctx)
}
