package store

import (
	"context"

	"github.com/uptrace/bun"
)

// Store reads the feed's tables.
type Store struct{ db *bun.DB }

// AccountIDsByDomain lists the accounts of one domain.
func (s *Store) AccountIDsByDomain(ctx context.Context, domain string) ([]string, error) {
	var ids []string
	err := s.db.NewSelect().Table("accounts").Column("id").Where("domain = ?", domain).Scan(ctx, &ids)
	return ids, err
}

// RawNote is the note as the user typed it.
func (s *Store) RawNote(ctx context.Context, id string) (string, error) {
	var note string
	err := s.db.NewSelect().Table("accounts").Column("note_raw").Where("id = ?", id).Scan(ctx, &note)
	return note, err
}

// StatusContents lists an account's posts.
func (s *Store) StatusContents(ctx context.Context, accountID string) ([]string, error) {
	var out []string
	err := s.db.NewSelect().Table("statuses").Column("content").
		Where("? = ?", bun.Ident("account_id"), accountID).
		Where("? IS NULL", bun.Ident("deleted_at")).
		Scan(ctx, &out)
	return out, err
}

// Mutes lists whom an account muted.
func (s *Store) Mutes(ctx context.Context, accountID string) ([]string, error) {
	var out []string
	err := s.db.NewSelect().Table("user_mutes").Column("target_account_id").Where("account_id = ?", accountID).Scan(ctx, &out)
	return out, err
}

// OpenReports lists the reports about an account that no moderator closed.
func (s *Store) OpenReports(ctx context.Context, accountID string) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx,
		"SELECT count(*) FROM reports WHERE target_account_id = $1 AND closed_at IS NULL AND action_taken IS NULL", accountID).Scan(&n)
	return n, err
}
