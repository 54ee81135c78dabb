package models

import "time"

type Heartbeat struct {
	ID        uint64    `gorm:"primary_key"`
	UserID    string    `gorm:"not null; index:idx_time_user"`
	Entity    string    `gorm:"not null"`
	Project   string    `gorm:"index:idx_project"`
	Language  string    `gorm:"index:idx_language"`
	Time      time.Time `gorm:"not null; index:idx_time_user"`
	CreatedAt time.Time
}

func (Heartbeat) TableName() string { return "heartbeats" }
