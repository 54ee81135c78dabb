package migrations

import (
	"github.com/go-gormigrate/gormigrate/v2"
	"gorm.io/gorm"
)

// Run applies the migrations in order.
func Run(db *gorm.DB) error {
	return gormigrate.New(db, gormigrate.DefaultOptions, []*gormigrate.Migration{
		addClusters(),
		renameClusterVersion(),
	}).Migrate()
}

func addClusters() *gormigrate.Migration {
	type Cluster struct {
		ID       string `gorm:"primaryKey"`
		Region   string
		Version  string
		Managed  bool
	}
	return &gormigrate.Migration{
		ID: "202101010000",
		Migrate: func(tx *gorm.DB) error {
			return tx.AutoMigrate(&Cluster{})
		},
	}
}

func renameClusterVersion() *gormigrate.Migration {
	type Cluster struct {
		ID             string `gorm:"primaryKey"`
		ActualVersion  string
	}
	return &gormigrate.Migration{
		ID: "202106010000",
		Migrate: func(tx *gorm.DB) error {
			if err := tx.Exec(`UPDATE clusters SET region = 'eu' WHERE region IS NULL`).Error; err != nil {
				return err
			}
			return tx.Migrator().DropColumn(&Cluster{}, "managed")
		},
	}
}
