package store

import (
	"context"

	"github.com/uptrace/bun"
)

// Store reads the social tables.
type Store struct{ db *bun.DB }

// Emojis lists the emojis of an account's profile.
func (s *Store) Emojis(ctx context.Context, id string) ([]string, error) {
	var out []string
	err := s.db.NewSelect().Table("accounts").Column("emojis").Where("id = ?", id).Scan(ctx, &out)
	return out, err
}

// LiveLocalStatuses lists the posts that do not federate and have not expired.
func (s *Store) LiveLocalStatuses(ctx context.Context, accountID string) ([]string, error) {
	var out []string
	err := s.db.NewSelect().Table("statuses").Column("id").
		Where("? = ?", bun.Ident("account_id"), accountID).
		Where("? = TRUE", bun.Ident("local_only")).
		Where("? IS NULL", bun.Ident("expires_at")).
		Scan(ctx, &out)
	return out, err
}

// ExpiringFilters lists the filters that expire.
func (s *Store) ExpiringFilters(ctx context.Context) ([]string, error) {
	var out []string
	err := s.db.NewSelect().Table("filters").Column("id").Where("? IS NOT NULL", bun.Ident("expires_at")).Scan(ctx, &out)
	return out, err
}

// Bio is an account's profile text.
func (s *Store) Bio(ctx context.Context, id string) (string, error) {
	var bio string
	err := s.db.NewSelect().Table("accounts").Column("bio").Where("id = ?", id).Scan(ctx, &bio)
	return bio, err
}
