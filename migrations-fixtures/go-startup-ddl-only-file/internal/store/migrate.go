package store

import "database/sql"

func appliedFiles(db *sql.DB) (map[string]bool, error) {
	rows, err := db.Query(`SELECT filename FROM applied_schema_files`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	seen := map[string]bool{}
	for rows.Next() {
		var f string
		if err := rows.Scan(&f); err != nil {
			return nil, err
		}
		seen[f] = true
	}
	return seen, rows.Err()
}

func recordFile(db *sql.DB, name string) error {
	_, err := db.Exec(`INSERT INTO applied_schema_files (filename) VALUES ($1)`, name)
	return err
}

func adoptedSince(db *sql.DB, since string) (*sql.Rows, error) {
	// "adopters" is a typo for "adoptions": a real missing relation, still reported.
	return db.Query(`SELECT a.name, d.adopter FROM animals a JOIN adopters d ON d.animal_id = a.id WHERE d.adopted_at > $1`, since)
}
