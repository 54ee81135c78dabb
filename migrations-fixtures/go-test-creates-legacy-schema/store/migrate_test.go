package store

import (
	"context"
	"database/sql"
	"testing"
)

// The schema of the release before note_id, which the upgrade must carry forward.
const legacySchema = `
CREATE TABLE note (id serial PRIMARY KEY, body text NOT NULL);
CREATE TABLE reaction (id serial PRIMARY KEY, creator_id integer NOT NULL, content_id text NOT NULL, kind text NOT NULL);
`

func TestUpgradeKeepsReactions(t *testing.T) {
	ctx := context.Background()
	db, err := sql.Open("postgres", testDSN(t))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.ExecContext(ctx, legacySchema); err != nil {
		t.Fatal(err)
	}
	if _, err := db.ExecContext(ctx, `INSERT INTO reaction (id, creator_id, content_id, kind) VALUES ($1, $2, $3, $4)`, 1, 7, "notes/1", "like"); err != nil {
		t.Fatal(err)
	}
}

func TestReactionsOfNote(t *testing.T) {
	db, _ := sql.Open("postgres", testDSN(t))
	// This test runs on the migrated database: stale_column is in no schema.
	rows, err := db.Query(`SELECT kind, stale_column FROM note_reactions_view WHERE note_id = $1`, 1)
	if err == nil {
		rows.Close()
	}
}
