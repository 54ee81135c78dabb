package querybuilder

import (
	"context"
	"database/sql"
	"testing"

	"github.com/stretchr/testify/require"
)

// The builder's output is compared, never run: "things" and "status" are made up.
func TestSelect(t *testing.T) {
	got := Select("things", []string{"id", "status"}, "status = $1")
	require.Equal(t, "SELECT id, status FROM things WHERE status = $1", got)
}

var cases = []struct{ in, want string }{
	{"orders", "SELECT id FROM widgets"},
}

// This one runs against the migrated test database: its mistake is real.
func TestOpenOrders(t *testing.T) {
	var db *sql.DB
	rows, err := db.QueryContext(context.Background(), "SELECT id, status FROM orders")
	require.NoError(t, err)
	rows.Close()
}
