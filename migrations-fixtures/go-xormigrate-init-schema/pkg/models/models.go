package models

import (
	"time"

	"example.com/boards/pkg/user"
)

// Board is a board of cards.
type Board struct {
	ID          int64     `xorm:"bigint autoincr not null unique pk"`
	Title       string    `xorm:"varchar(250) not null"`
	OwnerID     int64     `xorm:"bigint INDEX not null"`
	IsArchived  bool      `xorm:"not null default false"`
	Created     time.Time `xorm:"created not null"`
	Owner       *user.User `xorm:"-"`
}

// Card is one card of a board; its table takes GonicMapper's name, card.
type Card struct {
	ID        int64     `xorm:"bigint autoincr not null unique pk"`
	BoardID   int64     `xorm:"bigint INDEX not null unique(board_index)"`
	Index     int64     `xorm:"bigint not null default 0 unique(board_index)"`
	Title     string    `xorm:"TEXT not null"`
	DoneAt    time.Time `xorm:"INDEX null 'done_at'"`
	HexColor  string    `xorm:"varchar(6) null"`
	APIRef    string    `xorm:"varchar(64) null"`
	Updated   time.Time `xorm:"updated not null"`
}

// CardWithBoard is a result type for joined reads.
type CardWithBoard struct {
	Card  `xorm:"extends"`
	Board *Board `xorm:"extends"`
}

func (Board) TableName() string { return "boards" }

// GetTables lists the tables of this package.
func GetTables() []interface{} {
	return []interface{}{
		&Board{},
		&Card{},
	}
}
