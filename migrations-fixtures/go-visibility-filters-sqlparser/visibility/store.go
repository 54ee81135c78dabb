package visibility

import (
	"database/sql"
	"fmt"

	_ "github.com/lib/pq"
)

// The index hint suffix is chosen per query ("" or "_by_start_time" on a partitioned setup).
func List(db *sql.DB, suffix string, filter string) (*sql.Rows, error) {
	query := fmt.Sprintf(`SELECT run_id, status FROM executions_visibility%s WHERE namespace_id = $1 ORDER BY start_time DESC`, suffix)
	return db.Query(query, "default")
}

func Count(db *sql.DB, where string) (int64, error) {
	var n int64
	err := db.QueryRow(fmt.Sprintf("SELECT count(*) FROM executions_visibility WHERE %s", where)).Scan(&n)
	return n, err
}

func ByType(db *sql.DB, name string) (*sql.Rows, error) {
	return db.Query("SELECT run_id, close_time FROM executions_visibility WHERE workflow_type_name = $1", name)
}
