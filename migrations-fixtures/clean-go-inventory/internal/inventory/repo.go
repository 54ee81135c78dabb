package inventory

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
)

type Repo struct{ pool *pgxpool.Pool }

const lowStockQuery = `
SELECT w.code, s.sku, p.name, s.on_hand - s.reserved AS available
FROM stock s
JOIN warehouses w ON w.id = s.warehouse_id
JOIN products p USING (sku)
WHERE s.on_hand - s.reserved < $1
ORDER BY available, w.code`

func (r *Repo) LowStock(ctx context.Context, threshold int) error {
	rows, err := r.pool.Query(ctx, lowStockQuery, threshold)
	if err != nil {
		return err
	}
	defer rows.Close()
	return rows.Err()
}

func (r *Repo) Move(ctx context.Context, warehouseID int, sku string, delta int, reason string) (int64, error) {
	var id int64
	err := r.pool.QueryRow(ctx,
		`INSERT INTO movements (warehouse_id, sku, delta, reason) VALUES ($1, $2, $3, $4) RETURNING id`,
		warehouseID, sku, delta, reason).Scan(&id)
	return id, err
}

func (r *Repo) Reserve(ctx context.Context, warehouseID int, sku string, n int) error {
	_, err := r.pool.Exec(ctx, `
		UPDATE stock SET reserved = reserved + $3, updated_at = now()
		WHERE warehouse_id = $1 AND sku = $2 AND on_hand - reserved >= $3`,
		warehouseID, sku, n)
	return err
}

// Movement velocity per product over the last weeks, with the latest movement alongside.
func (r *Repo) Velocity(ctx context.Context, weeks int) error {
	rows, err := r.pool.Query(ctx, `
		WITH weekly AS (
			SELECT sku, date_trunc('week', moved_at) AS week, sum(-delta) AS shipped
			FROM movements
			WHERE delta < 0 AND moved_at > now() - make_interval(weeks => $1)
			GROUP BY sku, week
		)
		SELECT p.sku, p.name,
		       avg(w.shipped) OVER (PARTITION BY p.sku ORDER BY w.week ROWS BETWEEN 3 PRECEDING AND CURRENT ROW) AS moving_avg,
		       last.moved_at AS last_move
		FROM products p
		JOIN weekly w ON w.sku = p.sku
		LEFT JOIN LATERAL (
			SELECT m.moved_at FROM movements m WHERE m.sku = p.sku ORDER BY m.moved_at DESC LIMIT 1
		) last ON true
		ORDER BY p.sku, w.week`, weeks)
	if err != nil {
		return err
	}
	rows.Close()
	return nil
}

func (r *Repo) ByVoltage(ctx context.Context, volts string) error {
	rows, err := r.pool.Query(ctx, `
		SELECT sku, name, specs->>'voltage' AS voltage, specs #>> '{dimensions,weight}' AS weight
		FROM products
		WHERE specs @> jsonb_build_object('voltage', $1::text) AND specs ? 'certified'
		ORDER BY name`, volts)
	if err != nil {
		return err
	}
	rows.Close()
	return nil
}

func (r *Repo) HourlyMoves(ctx context.Context, day time.Time) error {
	rows, err := r.pool.Query(ctx, `
		SELECT h AS hour, count(m.id) AS moves
		FROM generate_series(0, 23) AS h
		LEFT JOIN movements m ON extract(hour FROM m.moved_at) = h AND m.moved_at::date = $1::date
		GROUP BY h
		ORDER BY h`, day)
	if err != nil {
		return err
	}
	rows.Close()
	return nil
}

func (r *Repo) Categories(ctx context.Context) error {
	rows, err := r.pool.Query(ctx, `
		SELECT category AS name, count(*) AS products FROM products WHERE category IS NOT NULL GROUP BY category
		UNION ALL
		SELECT 'uncategorised', count(*) FROM products WHERE category IS NULL
		ORDER BY products DESC`)
	if err != nil {
		return err
	}
	rows.Close()
	return nil
}

func (r *Repo) Truncate(ctx context.Context, table string) error {
	_, err := r.pool.Exec(ctx, fmt.Sprintf("DELETE FROM %s WHERE updated_at < now() - interval '1 year'", table))
	return err
}
