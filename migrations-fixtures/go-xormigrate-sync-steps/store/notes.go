package store

import "xorm.io/xorm"

// Note is a note of table notes.
type Note struct {
	ID      int64  `xorm:"pk autoincr"`
	Title   string `xorm:"varchar(200) not null"`
	OwnerID int64  `xorm:"index"`
	Pinned  bool
}

func (Note) TableName() string { return "notes" }

// Pinned lists an owner's pinned notes.
func Pinned(s *xorm.Session, owner int64) ([]Note, error) {
	var notes []Note
	err := s.Where("owner_id = ?", owner).And("pinned = ?", true).Asc("title").Find(&notes)
	return notes, err
}
