package store

import (
	"context"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
)

// Statements prepared once at start-up; their Exec/Get/Select take arguments, not SQL.
type Queries struct {
	GetReader       *sqlx.Stmt
	ReadersOf       *sqlx.Stmt
	RenameNewsletter *sqlx.Stmt
}

type Store struct {
	db *sqlx.DB
	q  *Queries
}

type Reader struct {
	ID    int    `db:"id"`
	Email string `db:"email"`
}

func (s *Store) Reader(id int) (Reader, error) {
	var r Reader
	err := s.q.GetReader.Get(&r, id)
	return r, err
}

func (s *Store) Readers(ids []int) ([]Reader, error) {
	var out []Reader
	err := s.q.ReadersOf.Select(&out, pq.Array(ids))
	return out, err
}

func (s *Store) Rename(id int, title string) error {
	_, err := s.q.RenameNewsletter.Exec(id, title)
	return err
}

// A helper around the handle: its query parameter is SQL, and its callers' strings are checked.
func (s *Store) exec(ctx context.Context, query string, args ...any) error {
	_, err := s.db.ExecContext(ctx, query, args...)
	return err
}

func (s *Store) Subscribe(ctx context.Context, reader int, newsletter int) error {
	return s.exec(ctx, "UPDATE readers SET newsletter_ids = array_append(newsletter_ids, $2), subscribed_at = now() WHERE id = $1", reader, newsletter)
}

func (s *Store) Prepare() (*Queries, error) {
	var q Queries
	var err error
	if q.GetReader, err = s.db.Preparex("SELECT id, email FROM readers WHERE id = $1"); err != nil {
		return nil, err
	}
	if q.ReadersOf, err = s.db.Preparex("SELECT id, email FROM readers WHERE id = ANY($1)"); err != nil {
		return nil, err
	}
	if q.RenameNewsletter, err = s.db.Preparex("UPDATE newsletters SET title = $2 WHERE id = $1"); err != nil {
		return nil, err
	}
	return &q, nil
}
