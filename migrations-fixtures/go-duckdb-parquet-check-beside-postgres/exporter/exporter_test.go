package exporter

import (
	"database/sql"
	"testing"

	_ "github.com/duckdb/duckdb-go/v2"
	"github.com/stretchr/testify/require"
)

func duckDB(t *testing.T) *sql.DB {
	db, err := sql.Open("duckdb", "")
	require.NoError(t, err)
	t.Cleanup(func() { _ = db.Close() })
	return db
}

func TestParquetFile(t *testing.T) {
	filePath := writeSampleParquet(t)

	var count int64
	err := duckDB(t).QueryRow("SELECT count(*) FROM read_parquet($1);", filePath).Scan(&count)
	require.NoError(t, err)
	require.EqualValues(t, 3, count)

	var sources int64
	err = duckDB(t).QueryRow("SELECT count(DISTINCT source_id) FROM read_parquet($1) WHERE destination_id = 'd1';", filePath).Scan(&sources)
	require.NoError(t, err)
	require.EqualValues(t, 2, sources)
}
