package repositories

import (
	"errors"
	"fmt"
	"time"

	"example.com/tracker/models"
	"gorm.io/gorm"
)

var ErrNoUser = errors.New("no user given")

type HeartbeatRepository struct {
	db *gorm.DB
}

func NewHeartbeatRepository(db *gorm.DB) *HeartbeatRepository {
	return &HeartbeatRepository{db: db}
}

func (r *HeartbeatRepository) Count(userID string) (int64, error) {
	if userID == "" {
		return 0, ErrNoUser
	}
	var count int64
	err := r.db.
		Model(&models.Heartbeat{}).
		Where("user_id = ?", userID).
		Count(&count).Error
	return count, err
}

func (r *HeartbeatRepository) DeleteByUserBefore(userID string, t time.Time) error {
	return r.db.
		Where("user_id = ?", userID).
		Where("time <= ?", t).
		Delete(&models.Heartbeat{}).Error
}

func (r *HeartbeatRepository) CountByOrigin(userID, origin string) (int64, error) {
	var count int64
	err := r.db.
		Model(&models.Heartbeat{}).
		Where("user_id = ? AND origin = ?", userID, origin).
		Count(&count).Error
	return count, err
}

func checkRange(from, to time.Time) error {
	if to.Before(from) {
		return fmt.Errorf("range ends (%v) before it starts (%v)", to, from)
	}
	return nil
}

func (r *HeartbeatRepository) transient(err error) bool {
	return errors.Is(err, gorm.ErrInvalidTransaction)
}
