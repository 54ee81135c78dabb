package store

import (
	"context"
	"time"

	"github.com/jmoiron/sqlx"
)

type User struct {
	ID    int64  `db:"id"`
	Email string `db:"email"`
	// Nickname has no column yet: sqlx leaves it empty, which this code expects.
	Nickname    string     `db:"nickname"`
	LastLoginAt *time.Time `db:"last_login_at"`
	Timestamps
}

type Order struct {
	ID         int64 `db:"id"`
	UserID     int64 `db:"user_id"`
	TotalCents int64 `db:"total_cents"`
	Note       *string `db:"note"` // filled once the note column is there; nil until then
}

type Store struct {
	db *sqlx.DB
}

func (s *Store) User(ctx context.Context, id int64) (User, error) {
	var u User
	err := s.db.GetContext(ctx, &u, "SELECT * FROM users WHERE id = $1", id)
	return u, err
}

func (s *Store) Users() ([]User, error) {
	var users []User
	err := s.db.Select(&users, `SELECT * FROM users ORDER BY id`)
	return users, err
}

func (s *Store) UserByEmail(email string) (*User, error) {
	u := &User{}
	if err := s.db.QueryRowx("SELECT * FROM users u WHERE u.email = $1", email).StructScan(u); err != nil {
		return nil, err
	}
	return u, nil
}

func (s *Store) Orders(userID int64) ([]Order, error) {
	var orders []Order
	err := sqlx.Select(s.db, &orders, "SELECT * FROM orders WHERE user_id = $1", userID)
	return orders, err
}
