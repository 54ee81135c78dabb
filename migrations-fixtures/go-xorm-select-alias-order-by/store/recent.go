package store

import (
	"time"

	"xorm.io/xorm"
)

// RecentAward is a row of the newest badges a user earned: "latest" and "times" are output
// names of the select list, not columns of award.
type RecentAward struct {
	BadgeID string    `xorm:"badge_id"`
	Latest  time.Time `xorm:"latest"`
	Times   int64     `xorm:"times"`
}

// TableName reads award.
func (RecentAward) TableName() string { return "award" }

// NewestEarned lists the badges a user earned last, newest first.
func NewestEarned(e *xorm.Engine, userID string) ([]RecentAward, error) {
	rows := make([]RecentAward, 0)
	err := e.Select("badge_id, max(created_at) latest, count(*) times").
		Where("user_id = ?", userID).
		GroupBy("badge_id").
		OrderBy("latest desc").
		Limit(10).Find(&rows)
	return rows, err
}
