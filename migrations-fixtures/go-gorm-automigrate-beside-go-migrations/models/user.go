package models

import "time"

type User struct {
	ID          string    `json:"id" gorm:"primary_key"`
	Email       string    `json:"email" gorm:"index:idx_user_email; size:255"`
	CreatedAt   time.Time `gorm:"default:CURRENT_TIMESTAMP"`
	ShareOSs    bool      `json:"-" gorm:"default:false; type:bool; column:share_oss"`
	Tags        []string  `json:"tags" gorm:"serializer:json"`
	Flags       AuthFlags
	Reports     Reports   `gorm:"constraint:OnUpdate:CASCADE,OnDelete:CASCADE"`
}
