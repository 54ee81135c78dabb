package store

import (
	"database/sql"
	"fmt"
	"strconv"
	"strings"

	"github.com/lib/pq"
)

type FeedQuery struct {
	withTitle  bool
	conditions []string
}

// column gives SQL text, not a value: which column it names is known at run time only.
func (q *FeedQuery) column() string {
	if q.withTitle {
		return "f.title"
	}
	return "f.url"
}

// A fragment as a whole select-list item: partly checked.
func ListColumn(db *sql.DB, q *FeedQuery) (*sql.Rows, error) {
	return db.Query(`SELECT f.id, ` + q.column() + ` FROM feeds f`)
}

// A quoted identifier compared with a placeholder: partly checked.
func ByField(db *sql.DB, field string, v string) (*sql.Rows, error) {
	return db.Query(fmt.Sprintf(`SELECT id FROM feeds WHERE %s = $1`, pq.QuoteIdentifier(field)), v)
}

// Fragments only in the WHERE clause name no output column: the sort key is the table's, and
// its misspelling is reported.
func Due(db *sql.DB, q *FeedQuery, limit int) (*sql.Rows, error) {
	query := `SELECT id, url FROM feeds`
	if len(q.conditions) > 0 {
		query += " WHERE " + strings.Join(q.conditions, " AND ")
	}
	query += " ORDER BY next_chek_at ASC"
	return db.Query(query)
}

// A number formatted in where a value stands stays a value: checked.
func First(db *sql.DB, n int) (*sql.Rows, error) {
	return db.Query(`SELECT id, url FROM feeds ORDER BY id LIMIT ` + strconv.Itoa(n))
}
