// Package tickets keeps a help desk's tickets. Every statement is prepared once, when the store
// is made; a method given a transaction runs the transaction's copy of it.
package tickets

import (
	"context"
	"database/sql"
)

type Ticket struct {
	ID       string
	Title    string
	Assignee string
}

type Store struct {
	insert   *sql.Stmt
	find     *sql.Stmt
	assign   *sql.Stmt
	close    *sql.Stmt
	reopened *sql.Stmt
}

func NewStore(ctx context.Context, db *sql.DB) (*Store, error) {
	var s Store
	var err error
	prep := func(query string) *sql.Stmt {
		if err != nil {
			return nil
		}
		var stmt *sql.Stmt
		stmt, err = db.PrepareContext(ctx, query)
		return stmt
	}
	s.insert = prep(`INSERT INTO tickets (id, title) VALUES ($1, $2)`)
	s.find = prep(`SELECT id, title, status, assignee_id FROM tickets WHERE id = $1`)
	s.assign = prep(`UPDATE tickets SET assignee_id = $2 WHERE id = $1`)
	s.close = prep(`UPDATE tickets SET status = 'closed', closed_at = now() WHERE id = $1`)
	s.reopened = prep(`SELECT count(*) FROM tickets WHERE status = 'open' AND created_at < $1`)
	return &s, err
}

// inTx is the transaction's copy of a statement, or the statement itself without one.
func inTx(ctx context.Context, tx *sql.Tx, stmt *sql.Stmt) *sql.Stmt {
	if tx == nil {
		return stmt
	}
	return tx.StmtContext(ctx, stmt)
}

func (s *Store) Create(ctx context.Context, tx *sql.Tx, t Ticket) error {
	_, err := tx.StmtContext(ctx, s.insert).ExecContext(ctx, t.ID, t.Title)
	return err
}

func (s *Store) Find(ctx context.Context, tx *sql.Tx, t *Ticket) error {
	var status string
	var assignee sql.NullString
	err := tx.Stmt(s.find).QueryRowContext(ctx, t.ID).Scan(&t.ID, &t.Title, &status, &assignee)
	t.Assignee = assignee.String
	return err
}

func (s *Store) Assign(ctx context.Context, tx *sql.Tx, t Ticket) error {
	stmt := s.assign
	if tx != nil {
		stmt = tx.StmtContext(ctx, stmt)
	}
	_, err := stmt.ExecContext(ctx, t.ID, t.Assignee)
	return err
}

func (s *Store) CloseTx(ctx context.Context, tx *sql.Tx, t Ticket) error {
	_, err := inTx(ctx, tx, s.close).ExecContext(ctx, t.ID)
	return err
}

func (s *Store) Close(ctx context.Context, t Ticket) error {
	return s.CloseTx(ctx, nil, t)
}
