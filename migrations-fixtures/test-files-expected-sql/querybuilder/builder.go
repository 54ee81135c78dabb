package querybuilder

import "strings"

// Select renders a SELECT over any table; callers pass their own names.
func Select(table string, columns []string, where string) string {
	q := "SELECT " + strings.Join(columns, ", ") + " FROM " + table
	if where != "" {
		q += " WHERE " + where
	}
	return q
}
