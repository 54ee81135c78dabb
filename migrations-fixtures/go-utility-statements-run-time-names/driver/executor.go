package driver

import (
	"context"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
)

const savepointPrefix = "queue_savepoint_"

type Executor struct {
	conn *pgx.Conn
}

func quoteIdent(name string) string { return `"` + strings.ReplaceAll(name, `"`, `""`) + `"` }

// Schema management for tenants and test databases: DDL over names given by the caller.
func (e *Executor) SchemaCreate(ctx context.Context, schema string) error {
	_, err := e.conn.Exec(ctx, "CREATE SCHEMA "+quoteIdent(schema))
	return err
}

func (e *Executor) SchemaDrop(ctx context.Context, schema string) error {
	_, err := e.conn.Exec(ctx, "DROP SCHEMA "+quoteIdent(schema)+" CASCADE")
	return err
}

func (e *Executor) IndexReindex(ctx context.Context, schema, index string) error {
	var maybeSchema string
	if schema != "" {
		maybeSchema = quoteIdent(schema) + "."
	}
	_, err := e.conn.Exec(ctx, "REINDEX INDEX CONCURRENTLY "+maybeSchema+quoteIdent(index))
	return err
}

func (e *Executor) Savepoint(ctx context.Context, n int) error {
	_, err := e.conn.Exec(ctx, fmt.Sprintf("SAVEPOINT %s%s", savepointPrefix, fmt.Sprint(n)))
	return err
}

func (e *Executor) Listen(ctx context.Context, prefix, topic string) error {
	_, err := e.conn.Exec(ctx, "LISTEN \""+prefix+topic+"\"")
	return err
}

// A query of the schema: still checked.
func (e *Executor) JobRetry(ctx context.Context, id int64) error {
	_, err := e.conn.Exec(ctx, "UPDATE queue_job SET state = 'available', attempts = 0 WHERE id = $1", id)
	return err
}

// A query over a relation whose name is given at run time stays unchecked.
func (e *Executor) CountRows(ctx context.Context, table string) (int, error) {
	var n int
	err := e.conn.QueryRow(ctx, "SELECT count(*) FROM "+table).Scan(&n)
	return n, err
}
