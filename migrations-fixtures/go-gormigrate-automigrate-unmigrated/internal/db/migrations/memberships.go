package migrations

import (
	"github.com/go-gormigrate/gormigrate/v2"
	"gorm.io/gorm"
)

type Role string

// membership is the frozen shape of a team membership row.
type membership struct {
	ID     uint
	TeamID uint
	UserID uint
	Role   Role
	secret string
}

func (membership) TableName() string { return "team_members" }

var addMemberships = &gormigrate.Migration{
	ID: "202404221000_memberships",
	Migrate: func(tx *gorm.DB) error {
		if err := tx.AutoMigrate(&membership{}); err != nil {
			return err
		}
		return tx.Exec(`CREATE INDEX team_members_team_id_idx ON team_members (team_id)`).Error
	},
}
