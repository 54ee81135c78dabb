package storage

import (
	"context"
	"fmt"

	"github.com/jmoiron/sqlx"
)

// Provider holds each statement in a field its constructor builds.
type Provider struct {
	db *sqlx.DB

	sqlSelectUser       string
	sqlUpsertPreference string
	sqlCountUsers       string
	sqlCustom           string
}

// NewProvider builds the generic statements; each backend's constructor adjusts them.
func NewProvider(db *sqlx.DB, custom string) Provider {
	return Provider{
		db:                  db,
		sqlSelectUser:       fmt.Sprintf(queryFmtSelectUser, tableUsers),
		sqlUpsertPreference: fmt.Sprintf(queryFmtUpsertPreference, tablePreferences),
		sqlCountUsers:       fmt.Sprintf(queryFmtCountUsers, tableUsers),
		sqlCustom:           custom,
	}
}

// WithArchive counts archived users instead: the field has two texts.
func (p *Provider) WithArchive() {
	p.sqlCountUsers = "SELECT COUNT(id) FROM users_archive"
}

type User struct {
	ID       int64
	Email    string
	Nickname string
}

func (p *Provider) LoadUser(ctx context.Context, id int64) (u User, err error) {
	err = p.db.GetContext(ctx, &u, p.sqlSelectUser, id)
	return u, err
}

func (p *Provider) SavePreference(ctx context.Context, username, method string) error {
	_, err := p.db.ExecContext(ctx, p.sqlUpsertPreference, username, method)
	return err
}

func (p *Provider) CountUsers(ctx context.Context) (n int, err error) {
	err = p.db.GetContext(ctx, &n, p.sqlCountUsers)
	return n, err
}

func (p *Provider) RunCustom(ctx context.Context) error {
	_, err := p.db.ExecContext(ctx, p.sqlCustom)
	return err
}
