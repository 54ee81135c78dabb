package migratest

import (
	"testing"

	"github.com/ory/pop/v6"
)

// The rows as they were before the namespace names: the test migrates down to that version first.
type tupleBeforeNames struct {
	ID          string `db:"shard_id"`
	NamespaceID int    `db:"namespace_id"`
	Object      string `db:"object"`
}

func (tupleBeforeNames) TableName() string { return "relation_tuples" }

func TestDownToNumericNamespaces(t *testing.T) {
	var c *pop.Connection
	migrateDownTo(t, c, "20230101000000000000")
	var old []tupleBeforeNames
	if err := c.Select("shard_id", "object").Where("namespace_id = ?", 1).All(&old); err != nil {
		t.Fatal(err)
	}
}

// A raw query of the old rows too: the file is scanned for SQL as well as for pop.
func rawOld(c *pop.Connection) { c.RawQuery("SELECT namespace_id FROM relation_tuples").Exec() }

func migrateDownTo(t *testing.T, c *pop.Connection, version string) {}
