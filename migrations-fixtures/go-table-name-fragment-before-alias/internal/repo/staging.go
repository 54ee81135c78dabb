package repo

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/acme/whutils"
	"github.com/lib/pq"
)

// The table names live in the shared utilities module, used by the warehouse's other services too.
const (
	stagingTableName   = whutils.StagingFilesTable
	snapshotsTableName = whutils.SchemaSnapshotsTable
)

type StagingFiles struct {
	db *sql.DB
}

// SchemasByIDs returns each staging file's schema with its snapshot.
func (sf *StagingFiles) SchemasByIDs(ctx context.Context, ids []int64) ([][]byte, error) {
	query := `
		SELECT sf.schema, ss.schema
		FROM ` + stagingTableName + ` sf
		LEFT JOIN ` + snapshotsTableName + ` ss ON sf.schema_snapshot_id = ss.id
		WHERE sf.id = ANY($1);
	`
	rows, err := sf.db.QueryContext(ctx, query, pq.Array(ids))
	if err != nil {
		return nil, fmt.Errorf("querying schemas: %w", err)
	}
	defer rows.Close()
	var out [][]byte
	for rows.Next() {
		var s, snap []byte
		if err := rows.Scan(&s, &snap); err != nil {
			return nil, err
		}
		out = append(out, s, snap)
	}
	return out, rows.Err()
}

// Pending counts the files not yet loaded.
func (sf *StagingFiles) Pending(ctx context.Context) (int, error) {
	var n int
	err := sf.db.QueryRowContext(ctx, `SELECT count(*) FROM wh_staging_files WHERE status = 'waiting' AND retried_at IS NULL`).Scan(&n)
	return n, err
}
