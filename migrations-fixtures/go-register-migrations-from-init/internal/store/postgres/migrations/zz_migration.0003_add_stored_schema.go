package migrations

import (
	"context"

	"github.com/jackc/pgx/v5"
)

var storedSchemaStatements = []string{
	`CREATE TABLE stored_schema (
		name VARCHAR NOT NULL,
		chunk_index INT NOT NULL,
		chunk_data BYTEA NOT NULL,
		CONSTRAINT pk_stored_schema PRIMARY KEY (name, chunk_index));`,
	`CREATE TABLE stored_schema_revision (
		name VARCHAR NOT NULL DEFAULT 'current',
		hash BYTEA NOT NULL,
		CONSTRAINT pk_stored_schema_revision PRIMARY KEY (name));`,
}

func init() {
	if err := Migrations.Register("add-stored-schema", "add-caveats",
		noNonatomicMigration,
		func(ctx context.Context, tx pgx.Tx) error {
			for _, stmt := range storedSchemaStatements {
				if _, err := tx.Exec(ctx, stmt); err != nil {
					return err
				}
			}
			return nil
		}); err != nil {
		panic("failed to register migration: " + err.Error())
	}
}
