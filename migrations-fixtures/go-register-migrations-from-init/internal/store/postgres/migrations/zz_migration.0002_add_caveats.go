package migrations

import (
	"context"

	"github.com/jackc/pgx/v5"
)

const (
	createCaveats = `CREATE TABLE caveats (
		name VARCHAR NOT NULL,
		definition BYTEA NOT NULL,
		created_txn BIGINT NOT NULL,
		CONSTRAINT pk_caveats PRIMARY KEY (name, created_txn))`
	addTupleCaveat = `ALTER TABLE tuples ADD COLUMN caveat_name VARCHAR, ADD COLUMN caveat_context JSONB`
)

func init() {
	if err := Migrations.Register(
		"add-caveats",
		"initial",
		noNonatomicMigration,
		func(ctx context.Context, tx pgx.Tx) error {
			if _, err := tx.Exec(ctx, createCaveats); err != nil {
				return err
			}
			if _, err := tx.Exec(ctx, addTupleCaveat); err != nil {
				return err
			}
			return nil
		}); err != nil {
		panic("failed to register migration: " + err.Error())
	}
}
