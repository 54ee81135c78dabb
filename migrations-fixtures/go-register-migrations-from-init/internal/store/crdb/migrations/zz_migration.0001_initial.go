package migrations

import (
	"context"

	"github.com/jackc/pgx/v5"
)

const createTuplesCRDB = `CREATE TABLE tuples (
    namespace STRING NOT NULL,
    object_id STRING NOT NULL,
    relation STRING NOT NULL,
    subject_id STRING NOT NULL,
    timestamp DECIMAL NOT NULL DEFAULT cluster_logical_timestamp(),
    CONSTRAINT pk_tuples PRIMARY KEY (namespace, object_id, relation, subject_id)
);`

const createMetadata = `CREATE TABLE metadata (unique_id STRING NOT NULL PRIMARY KEY);`

func init() {
	if err := Migrations.Register("initial", "", func(ctx context.Context, conn *pgx.Conn) error {
		for _, stmt := range []string{createTuplesCRDB, createMetadata} {
			if _, err := conn.Exec(ctx, stmt); err != nil {
				return err
			}
		}
		return nil
	}, nil); err != nil {
		panic("failed to register migration: " + err.Error())
	}
}
