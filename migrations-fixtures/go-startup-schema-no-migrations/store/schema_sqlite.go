package store

// createSQLiteSchema is the same schema for the embedded engine.
func (s *Store) createSQLiteSchema() error {
	_, err := s.db.Exec(`CREATE TABLE IF NOT EXISTS checks (check_id INTEGER PRIMARY KEY, check_key TEXT UNIQUE NOT NULL, url TEXT NOT NULL, region TEXT)`)
	if err != nil {
		return err
	}
	_, err = s.db.Exec(`CREATE TABLE IF NOT EXISTS check_results (result_id INTEGER PRIMARY KEY, check_id INTEGER NOT NULL, success INTEGER NOT NULL, duration_ms INTEGER NOT NULL, checked_at TEXT NOT NULL, status_code INTEGER NOT NULL DEFAULT 0)`)
	return err
}
