package migrations

import (
	"log/slog"

	"example.com/timetrack/models"
	"gorm.io/gorm"
)

type migrationFunc struct {
	f    func(db *gorm.DB) error
	name string
}

var preMigrations []migrationFunc

func registerPreMigration(f migrationFunc) {
	preMigrations = append(preMigrations, f)
}

func schemaMigrations() func(db *gorm.DB) error {
	return func(db *gorm.DB) error {
		if err := db.AutoMigrate(&models.User{}); err != nil {
			return err
		}
		if err := db.AutoMigrate(&models.Pulse{}); err != nil {
			return err
		}
		if err := db.AutoMigrate(&models.Report{}); err != nil {
			return err
		}
		if err := db.AutoMigrate(&models.ReportItem{}); err != nil {
			return err
		}
		return nil
	}
}

func Run(db *gorm.DB) {
	for _, m := range preMigrations {
		if err := m.f(db); err != nil {
			slog.Error("pre-migration failed", "name", m.name, "error", err)
		}
	}
	if err := schemaMigrations()(db); err != nil {
		slog.Error("schema migration failed", "error", err)
	}
}
