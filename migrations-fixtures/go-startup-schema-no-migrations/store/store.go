package store

import (
	"database/sql"
	"time"

	_ "github.com/lib/pq"
)

type Store struct {
	db *sql.DB
}

func Open(dsn string) (*Store, error) {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return nil, err
	}
	s := &Store{db: db}
	return s, s.createPostgresSchema()
}

func (s *Store) Record(checkID int64, ok bool, took time.Duration, code int) error {
	_, err := s.db.Exec(`INSERT INTO check_results (check_id, success, duration_ms, checked_at, status_code) VALUES ($1, $2, $3, now(), $4)`,
		checkID, ok, took.Milliseconds(), code)
	return err
}

// ByRegion shipped before anything adds checks.region to the PostgreSQL schema.
func (s *Store) ByRegion(region string) (*sql.Rows, error) {
	return s.db.Query(`SELECT check_id, check_key, url FROM checks WHERE region = $1`, region)
}
