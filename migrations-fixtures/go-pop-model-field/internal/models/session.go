package models

import (
	"time"

	"github.com/gofrs/uuid"

	"example.com/accounts/internal/storage"
)

// Session now expires: not_after is set on sign-in and read on every refresh.
type Session struct {
	ID        uuid.UUID  `json:"-" db:"id"`
	UserID    uuid.UUID  `json:"user_id" db:"user_id"`
	NotAfter  *time.Time `json:"not_after,omitempty" db:"not_after"`
	UserAgent *string    `json:"user_agent" db:"user_agent" rw:"r"`
	CreatedAt time.Time  `json:"created_at" db:"created_at"`
}

func (Session) TableName() string { return "sessions" }

func ActiveSessions(tx *storage.Connection, userID uuid.UUID) ([]*Session, error) {
	sessions := []*Session{}
	err := tx.Q().Where("user_id = ? AND not_after > ?", userID, time.Now()).Order("created_at desc").All(&sessions)
	return sessions, err
}

func CountSessions(tx *storage.Connection, user *User) (int, error) {
	return tx.Q().Where("user_id = ?", user.ID).Count(&Session{})
}
