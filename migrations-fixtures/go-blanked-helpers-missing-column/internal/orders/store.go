package orders

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	_ "github.com/lib/pq"
)

var errEmpty = errors.New("no lines: select at least one item")

// Store reads and writes orders. The helpers below format and validate; only the methods that
// talk to PostgreSQL hold SQL.
type Store struct {
	db *sql.DB
}

type Line struct {
	SKU   string
	Cents int64
	Qty   int
}

// total adds the lines up; `}` in a comment and "{" in a string do not end it early.
func total(lines []Line) (int64, error) {
	if len(lines) == 0 {
		return 0, errEmpty
	}
	var sum int64
	for _, l := range lines {
		if l.Qty <= 0 {
			return 0, fmt.Errorf("line %q: quantity must be positive (got %d) {", l.SKU, l.Qty)
		}
		sum += l.Cents * int64(l.Qty)
	}
	return sum, nil
}

func describe(lines []Line) []byte {
	var b strings.Builder
	for _, l := range lines {
		fmt.Fprintf(&b, "%s x%d\n", l.SKU, l.Qty)
	}
	b.WriteString(`}
update the cart before checkout
`)
	return []byte(b.String())
}

// Place records a new order with its note, after the helpers checked the lines.
func (s *Store) Place(ctx context.Context, customer int64, lines []Line) (int64, error) {
	sum, err := total(lines)
	if err != nil {
		return 0, err
	}
	var id int64
	err = s.db.QueryRowContext(ctx,
		"INSERT INTO orders (customer_id, total_cents, note) VALUES ($1, $2, $3) RETURNING id",
		customer, sum, describe(lines)).Scan(&id)
	return id, err
}

func validCustomer(id int64) bool {
	return id > 0 && id < 1<<40
}

// Recent lists a customer's orders, newest first.
func (s *Store) Recent(ctx context.Context, customer int64) (*sql.Rows, error) {
	if !validCustomer(customer) {
		return nil, fmt.Errorf("customer %d: not found", customer)
	}
	return s.db.QueryContext(ctx,
		"SELECT id, total_cents, created_at FROM orders WHERE customer_id = $1 ORDER BY created_at DESC", customer)
}
