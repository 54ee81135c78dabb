package store

import (
	"context"
	"fmt"

	"github.com/jmoiron/sqlx"
)

type Provider struct {
	db *sqlx.DB

	sqlSelectPreferredMethod string
	sqlUpsertPreferredMethod string
}

func NewProvider(db *sqlx.DB) *Provider {
	return &Provider{
		db:                       db,
		sqlSelectPreferredMethod: fmt.Sprintf(queryFmtSelectPreferredMethod, tableUserSettings),
		sqlUpsertPreferredMethod: fmt.Sprintf(queryFmtUpsertPreferredMethod, tableUserSettings),
	}
}

func (p *Provider) PreferredMethod(ctx context.Context, username string) (method string, err error) {
	err = p.db.GetContext(ctx, &method, p.sqlSelectPreferredMethod, username)
	return method, err
}
