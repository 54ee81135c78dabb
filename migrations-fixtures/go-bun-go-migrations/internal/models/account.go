package models

import "time"

// Account is a local or a remote account; bun names its table "accounts".
type Account struct {
	ID          string    `bun:"type:CHAR(26),pk,nullzero,notnull,unique"`
	CreatedAt   time.Time `bun:"type:timestamptz,nullzero,notnull,default:current_timestamp"`
	Username    string    `bun:",nullzero,notnull,unique:userdomain"`
	Domain      string    `bun:",nullzero,unique:userdomain"`
	DisplayName string
	Statuses    []*Status `bun:"-"`
}

// Status is a post; StatusID and the relation are bun's to join.
type Status struct {
	ID        string   `bun:"type:CHAR(26),pk"`
	AccountID string   `bun:"type:CHAR(26),nullzero,notnull"`
	Account   *Account `bun:"rel:belongs-to"`
	Content   string
}

// Report is a user's report of an account.
type Report struct {
	ID        string `bun:"type:CHAR(26),pk"`
	AccountID       string `bun:"type:CHAR(26),notnull"`
	TargetAccountID string `bun:"type:CHAR(26),notnull"`
	Comment         string
}

// UserMute hides an account from a user's timelines.
type UserMute struct {
	ID              string `bun:"type:CHAR(26),pk"`
	AccountID       string
	TargetAccountID string
}
