package svc

import (
	"context"

	"github.com/jmoiron/sqlx"
)

type Note struct {
	ID   int64
	Body string
}

type Notes struct{ db *sqlx.DB }

// Get is the service's own, context first: calls of it run no SQL of their own.
func (n *Notes) Get(ctx context.Context, id int64) (Note, error) {
	var note Note
	err := n.db.GetContext(ctx, &note, "SELECT id, body FROM notes WHERE id = $1", id)
	return note, err
}

func Latest(ctx context.Context, notes *Notes, created Note) (Note, error) {
	// sqlx's Get takes the destination first; a context there is Notes.Get's.
	return notes.Get(ctx, created.ID)
}

func Count(db *sqlx.DB) (int, error) {
	var n int
	err := db.Get(&n, "SELECT count(*) FROM notes")
	return n, err
}
