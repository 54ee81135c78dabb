package store

import (
	"testing"

	sq "github.com/Masterminds/squirrel"
)

// The builder is rendered and compared, never run: "table" and "column" are placeholders.
func TestVisible(t *testing.T) {
	got, _, err := Visible(sq.Select("column").From("table"), 42).ToSql()
	if err != nil {
		t.Fatal(err)
	}
	if want := "SELECT column FROM table WHERE created_tx <= ?"; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}
