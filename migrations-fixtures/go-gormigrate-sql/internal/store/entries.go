package store

import (
	"time"

	"gorm.io/gorm"
)

type Entry struct {
	ID          int64
	AccountID   int64
	AmountCents int64
	Currency    string
	BookedAt    time.Time
}

func (Entry) TableName() string { return "entries" }

func Balance(db *gorm.DB, account int64, currency string) (int64, error) {
	var sum int64
	err := db.Table("entries").Select("coalesce(sum(amount_cents), 0)").
		Where("account_id = ? AND currency = ?", account, currency).Scan(&sum).Error
	return sum, err
}

func Book(db *gorm.DB, e *Entry) error {
	e.BookedAt = time.Now()
	return db.Create(e).Error
}
