package migrations

import "gorm.io/gorm"

func init() {
	registerPreMigration(migrationFunc{
		name: "20230412_rename_pulse_table",
		f: func(db *gorm.DB) error {
			if db.Migrator().HasTable("beats") {
				if err := db.Exec("insert into pulses (user_id, time, project) select user_id, time, project from beats_old").Error; err != nil {
					return err
				}
			}
			return nil
		},
	})
}
