package lake

import (
	"context"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"
)

type cluster interface {
	Exec(ctx context.Context, container string, cmd ...string) string
}

// The exported parquet files are read back through Spark: the test declares the table over
// the bucket's files itself.
func verifyInSpark(t *testing.T, ctx context.Context, c cluster, bucket string) {
	_ = c.Exec(ctx, "spark-master", "spark-sql", "-e", `
		CREATE EXTERNAL TABLE page_views (
			id string,
			user_id string,
			received_at timestamp
		)
		STORED AS PARQUET
		location "s3a://`+bucket+`/exports/page_views/";
	`)
	out := c.Exec(ctx, "spark-master", "spark-sql", "-e", `
		select count(*) from page_views where user_id is not null;
	`)
	if !strings.HasSuffix(strings.TrimSpace(out), "4") {
		t.Fatalf("rows: %s", out)
	}
}

func TestExport(t *testing.T) {
	ctx := context.Background()
	pool, err := pgxpool.New(ctx, "postgres://localhost/lake_test")
	if err != nil {
		t.Fatal(err)
	}
	var waiting int
	if err := pool.QueryRow(ctx, `SELECT count(*) FROM uploads WHERE status = 'waiting'`).Scan(&waiting); err != nil {
		t.Fatal(err)
	}
	var errors int
	if err := pool.QueryRow(ctx, `SELECT count(*) FROM upload_errors`).Scan(&errors); err != nil {
		t.Fatal(err)
	}
}
