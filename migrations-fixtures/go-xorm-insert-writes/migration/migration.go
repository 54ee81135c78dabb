package migration

import (
	"src.techknowlogick.com/xormigrate"
	"xorm.io/xorm"
)

type note20240101 struct {
	ID      int64  `xorm:"pk autoincr"`
	Title   string `xorm:"varchar(200) not null"`
	OwnerID int64  `xorm:"index"`
}

func (note20240101) TableName() string { return "notes" }

type notePinned20240301 struct {
	Pinned bool `xorm:"not null default false"`
}

func (notePinned20240301) TableName() string { return "notes" }

// Migrate runs every migration in list order; there is no InitSchema, so a fresh database runs them all.
func Migrate(x *xorm.Engine) error {
	m := xormigrate.New(x, []*xormigrate.Migration{
		{
			ID: "20240101",
			Migrate: func(tx *xorm.Engine) error {
				return tx.Sync2(new(note20240101))
			},
		},
		{
			ID: "20240301",
			Migrate: func(tx *xorm.Engine) error {
				if err := tx.Sync2(new(notePinned20240301)); err != nil {
					return err
				}
				_, err := tx.Exec("CREATE INDEX notes_pinned ON notes (pinned)")
				return err
			},
		},
	})
	return m.Migrate()
}
