package models

import (
	"fmt"
	"time"

	"github.com/gobuffalo/pop/v6"
	"github.com/gofrs/uuid"

	"example.com/accounts/internal/storage"
)

type User struct {
	ID          uuid.UUID  `json:"id" db:"id"`
	Email       string     `json:"email" db:"email"`
	BannedUntil *time.Time `json:"banned_until,omitempty" db:"banned_until"`
	CreatedAt   time.Time  `json:"created_at" db:"created_at"`
	Sessions    []Session  `json:"-" has_many:"sessions"`
	Password    string     `json:"-" db:"-"`
	IsAdmin     bool       `json:"is_admin"`
}

func (User) TableName() string {
	tableName := "users"
	return tableName
}

func (u *User) BeforeCreate(tx *pop.Connection) error { return nil }

func FindUserByEmail(tx *storage.Connection, email string) (*User, error) {
	user := &User{}
	if err := tx.Q().Where("email = ? AND banned_until IS NULL", email).First(user); err != nil {
		return nil, err
	}
	return user, nil
}

// SignOutEverywhere ends a user's sessions; pop cannot express the bulk update.
func SignOutEverywhere(tx *storage.Connection, user *User) error {
	return tx.RawQuery(fmt.Sprintf("update %q set not_after = now() where user_id = ?", Session{}.TableName()), user.ID).Exec()
}
