package models

import "time"

// Account is a local or a remote account.
type Account struct {
	ID       string   `bun:"type:CHAR(26),pk,nullzero,notnull,unique"`
	Username string   `bun:",nullzero,notnull"`
	Emojis   []string `bun:"emojis,array"`
}

// Status is a post.
type Status struct {
	ID        string `bun:"type:CHAR(26),pk"`
	AccountID string `bun:"type:CHAR(26),nullzero,notnull"`
	Content   string
	LocalOnly bool
	ExpiresAt time.Time `bun:"type:timestamptz,nullzero"`
}

// VisibilityPublic is the visibility of a post anyone may see.
const VisibilityPublic = 2
