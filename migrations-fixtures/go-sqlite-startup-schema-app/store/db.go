package store

import (
	"database/sql"

	_ "modernc.org/sqlite"
)

type Store struct {
	db *sql.DB
}

func Open(path string) (*Store, error) {
	db, err := sql.Open("sqlite", path)
	if err != nil {
		return nil, err
	}
	s := &Store{db: db}
	return s, s.setupSchema()
}

func (s *Store) setupSchema() error {
	if _, err := s.db.Exec(`CREATE TABLE IF NOT EXISTS notes (
		id TEXT PRIMARY KEY,
		title TEXT NOT NULL,
		body TEXT NOT NULL DEFAULT '',
		created INTEGER NOT NULL
	)`); err != nil {
		return err
	}
	if _, err := s.db.Exec(`CREATE TABLE IF NOT EXISTS tags (
		note_id TEXT NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
		tag TEXT NOT NULL,
		PRIMARY KEY (note_id, tag)
	)`); err != nil {
		return err
	}
	return nil
}
