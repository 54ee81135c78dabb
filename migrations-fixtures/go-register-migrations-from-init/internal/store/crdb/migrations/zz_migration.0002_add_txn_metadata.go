package migrations

import (
	"context"

	"github.com/jackc/pgx/v5"
)

const createTxnMetadata = `CREATE TABLE transaction_metadata (key UUID PRIMARY KEY, metadata JSONB, expires_at TIMESTAMPTZ) WITH (ttl_expiration_expression = 'expires_at')`

func init() {
	if err := Migrations.Register("add-txn-metadata", "initial", func(ctx context.Context, conn *pgx.Conn) error {
		_, err := conn.Exec(ctx, createTxnMetadata)
		return err
	}, nil); err != nil {
		panic("failed to register migration: " + err.Error())
	}
}
