package store

// Latest pages by SQLite's implicit rowid, the insertion order.
func (s *Store) Latest(limit int) ([]string, error) {
	rows, err := s.db.Query(`SELECT rowid, title FROM notes ORDER BY rowid DESC LIMIT ?`, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var titles []string
	for rows.Next() {
		var rowid int64
		var title string
		if err := rows.Scan(&rowid, &title); err != nil {
			return nil, err
		}
		titles = append(titles, title)
	}
	return titles, rows.Err()
}

func (s *Store) Tag(noteID, tag string) error {
	_, err := s.db.Exec(`INSERT OR IGNORE INTO tags (note_id, tag) VALUES (?, ?)`, noteID, tag)
	return err
}
