package report

import (
	"context"

	"gorm.io/gorm"
)

// Store's DB is GORM's: its chains are GORM's, whose table names differ from xorm's.
type Store struct {
	DB *gorm.DB
}

type Card struct {
	ID    int64
	Color string
}

func (s *Store) Colored(ctx context.Context) (int64, error) {
	var n int64
	err := s.DB.WithContext(ctx).Model(&Card{}).Where("color <> ?", "").Count(&n).Error
	return n, err
}
