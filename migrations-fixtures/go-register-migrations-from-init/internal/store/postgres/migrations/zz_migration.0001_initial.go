package migrations

import (
	"context"

	"github.com/jackc/pgx/v5"
)

const createTransactions = `CREATE TABLE transactions (
    id BIGSERIAL PRIMARY KEY,
    created_at TIMESTAMP WITHOUT TIME ZONE DEFAULT now() NOT NULL
);`

const createTuples = `CREATE TABLE tuples (
    namespace VARCHAR NOT NULL,
    object_id VARCHAR NOT NULL,
    relation VARCHAR NOT NULL,
    subject_id VARCHAR NOT NULL,
    created_txn BIGINT NOT NULL,
    deleted_txn BIGINT NOT NULL DEFAULT '9223372036854775807',
    CONSTRAINT pk_tuples PRIMARY KEY (namespace, object_id, relation, subject_id, created_txn)
);`

const createVersion = `CREATE TABLE schema_version (version_num VARCHAR NOT NULL);`

func init() {
	if err := Migrations.Register("initial", "", noNonatomicMigration, func(ctx context.Context, tx pgx.Tx) error {
		statements := []string{createTransactions, createTuples, createVersion}
		for _, stmt := range statements {
			if _, err := tx.Exec(ctx, stmt); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		panic("failed to register migration: " + err.Error())
	}
}
