package billing

import (
	"context"
	"errors"
	"fmt"
	"time"

	"example.com/billing/internal/database"
)

var ErrAlreadyPaid = errors.New("invoice already paid")

type Store struct {
	db *database.DB
}

func NewStore(db *database.DB) *Store { return &Store{db: db} }

func (s *Store) Void(ctx context.Context, id int64) error {
	var paid time.Time
	err := s.db.NewSelect().
		Table("invoices").
		Column("paid_at").
		Where("id = ?", id).
		Scan(ctx, &paid)
	if err != nil {
		return fmt.Errorf("invoice %d: %w", id, err)
	}
	if !paid.IsZero() {
		return ErrAlreadyPaid
	}
	return nil
}

func (s *Store) Overdue(ctx context.Context, before time.Time) ([]int64, error) {
	var ids []int64
	err := s.db.NewSelect().
		Table("invoices").
		Column("id").
		Where("due_at < ? AND paid_at IS NULL", before).
		Order("created_at").
		Scan(ctx, &ids)
	return ids, err
}

func validAmount(cents int64) error {
	if cents <= 0 {
		return fmt.Errorf("amount must be positive, got %d", cents)
	}
	return nil
}

func (s *Store) retryable(err error) bool {
	return errors.Is(err, context.DeadlineExceeded)
}
