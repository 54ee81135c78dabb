package store

import (
	"time"

	"xorm.io/xorm"
)

// Note is a note of table notes. Archived has no migration yet; Views is computed by a view
// the notes are read through (read-only: Insert leaves it out), Deleted is set by xorm's soft delete.
type Note struct {
	ID       int64  `xorm:"pk autoincr"`
	Title    string `xorm:"varchar(200) not null"`
	OwnerID  int64  `xorm:"index"`
	Pinned   bool
	Archived bool      `xorm:"not null default false"`
	Views    int64     `xorm:"->"`
	Deleted  time.Time `xorm:"deleted"`
	draft    string
	Cache    []byte `xorm:"-"`
}

func (Note) TableName() string { return "notes" }

// Pinned lists an owner's pinned notes.
func Pinned(s *xorm.Session, owner int64) ([]Note, error) {
	var notes []Note
	err := s.Where("owner_id = ?", owner).And("pinned = ?", true).Asc("title").Find(&notes)
	return notes, err
}

// Create writes a new note: every mapped field but the read-only, soft-delete and autoincrement ones.
func Create(s *xorm.Session, n *Note) error {
	_, err := s.Insert(n)
	return err
}

// Rename writes one column only.
func Rename(s *xorm.Session, n *Note) error {
	_, err := s.ID(n.ID).Cols("title").Update(n)
	return err
}
