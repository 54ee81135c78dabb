package identity_test

import (
	"testing"

	"github.com/gofrs/uuid"
	"github.com/ory/pop/v6"
)

// batchRow lives in a table this test creates for itself.
type batchRow struct {
	ID    uuid.UUID `db:"id"`
	Label string    `db:"label"`
}

func (batchRow) TableName() string { return "batch_rows" }

func TestBatchInsert(t *testing.T) {
	c, err := pop.NewConnection(&pop.ConnectionDetails{URL: "postgres://localhost/test"})
	if err != nil {
		t.Fatal(err)
	}
	if err := c.RawQuery(`CREATE TABLE batch_rows (id uuid PRIMARY KEY, label text NOT NULL)`).Exec(); err != nil {
		t.Fatal(err)
	}
	if err := c.Create(&batchRow{ID: uuid.Must(uuid.NewV4()), Label: "a"}); err != nil {
		t.Fatal(err)
	}
}
