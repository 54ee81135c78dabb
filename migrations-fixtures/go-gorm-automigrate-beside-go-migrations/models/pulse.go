package models

import "time"

type Pulse struct {
	ID       uint64    `gorm:"primary_key"`
	User     *User     `json:"-" gorm:"not null; constraint:OnUpdate:CASCADE,OnDelete:CASCADE"`
	UserID   string    `json:"-" gorm:"not null; index:idx_pulse_user"`
	Project  string    `json:"project" gorm:"index:idx_pulse_project"`
	Editor   string    `json:"editor"`
	Time     time.Time `json:"time" gorm:"index:idx_pulse_user"`
	Duration time.Duration
}

// EditorUse is what a grouped query over pulses scans into.
type EditorUse struct {
	Editor    string    `json:"editor"`
	FirstSeen time.Time `gorm:"column:first_seen"`
	LastSeen  time.Time `gorm:"column:last_seen"`
}
