package store

import (
	"time"

	"xorm.io/xorm"
)

// Award is one badge given to a user.
type Award struct {
	ID        int64     `xorm:"pk autoincr"`
	UserID    string    `xorm:"varchar(64) index user_id"`
	BadgeID   string    `xorm:"varchar(64) index badge_id"`
	CreatedAt time.Time `xorm:"created"`
}

// Badge can be awarded.
type Badge struct {
	ID   string `xorm:"varchar(64) pk"`
	Name string `xorm:"varchar(100)"`
}

// Open creates or updates the tables.
func Open(dsn string) (*xorm.Engine, error) {
	e, err := xorm.NewEngine("postgres", dsn)
	if err != nil {
		return nil, err
	}
	return e, e.Sync2(new(Award), new(Badge))
}
