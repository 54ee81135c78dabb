package migrations

import (
	"github.com/go-gormigrate/gormigrate/v2"
	"gorm.io/gorm"
)

// Teams get a URL slug; the step keeps its own copy of the model.
func addTeamSlug() *gormigrate.Migration {
	type Team struct {
		Slug string `gorm:"size:64"`
	}
	return &gormigrate.Migration{
		ID: "202405061000_team_slug",
		Migrate: func(tx *gorm.DB) error {
			return tx.AutoMigrate(&Team{})
		},
	}
}
