package common

import (
	"testing"

	sq "github.com/Masterminds/squirrel"
)

// The filterer's SQL for a query it did not start: compared as text, never run.
func TestFilterOnCustomQuery(t *testing.T) {
	query := sq.StatementBuilder.PlaceholderFormat(sq.AtP).Select("COUNT(*)").From("sometable").Where(sq.Eq{"somecolumn": 1})
	sql, _, err := query.ToSql()
	if err != nil {
		t.Fatal(err)
	}
	if sql != "SELECT COUNT(*) FROM sometable WHERE somecolumn = @p1" {
		t.Fatalf("got %s", sql)
	}
}
