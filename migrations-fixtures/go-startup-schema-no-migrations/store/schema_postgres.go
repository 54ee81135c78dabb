package store

// createPostgresSchema runs on every start: the project keeps no migration files.
func (s *Store) createPostgresSchema() error {
	_, err := s.db.Exec(`
		CREATE TABLE IF NOT EXISTS checks (
			check_id   BIGSERIAL PRIMARY KEY,
			check_key  TEXT UNIQUE NOT NULL,
			url        TEXT NOT NULL
		)
	`)
	if err != nil {
		return err
	}
	_, err = s.db.Exec(`
		CREATE TABLE IF NOT EXISTS check_results (
			result_id    BIGSERIAL PRIMARY KEY,
			check_id     BIGINT NOT NULL REFERENCES checks(check_id) ON DELETE CASCADE,
			success      BOOLEAN NOT NULL,
			duration_ms  BIGINT NOT NULL,
			checked_at   TIMESTAMPTZ NOT NULL
		)
	`)
	if err != nil {
		return err
	}
	// Added in a later release: older databases get it on their next start.
	_, _ = s.db.Exec(`ALTER TABLE check_results ADD COLUMN IF NOT EXISTS status_code INTEGER NOT NULL DEFAULT 0`)
	_, err = s.db.Exec(`CREATE INDEX IF NOT EXISTS check_results_check_id_idx ON check_results (check_id)`)
	return err
}
