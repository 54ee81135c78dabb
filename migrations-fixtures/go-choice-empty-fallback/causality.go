package causality

import "database/sql"

// The WITH clause that names build_ids, one per direction; an unknown direction gets no clause
// (the caller never passes one).
const downstream = `WITH RECURSIVE build_ids AS (SELECT id AS build_id FROM builds)`
const upstream = `WITH RECURSIVE build_ids AS (SELECT build_id FROM build_inputs)`

func withClause(direction int) string {
	switch direction {
	case 1:
		return downstream
	case 2:
		return upstream
	default:
		return ""
	}
}

func Builds(db *sql.DB, direction int) (*sql.Rows, error) {
	query := withClause(direction) + `
	SELECT b.id, b.name FROM builds b JOIN build_ids bi ON bi.build_id = b.id`
	return db.Query(query)
}

func orderBy(byName bool) string {
	if byName {
		return " ORDER BY b.nmae"
	}
	return ""
}

// One variant names a column no migration adds: still reported.
func Sorted(db *sql.DB, byName bool) (*sql.Rows, error) {
	return db.Query("SELECT b.id FROM builds b" + orderBy(byName))
}
