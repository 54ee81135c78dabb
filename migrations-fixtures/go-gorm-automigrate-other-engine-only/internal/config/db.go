package config

import (
	"github.com/jinzhu/gorm"
	_ "github.com/jinzhu/gorm/dialects/mysql"
	_ "github.com/jinzhu/gorm/dialects/sqlite"
)

// Open connects to MySQL in production and to a SQLite file on a laptop.
func Open(driver, dsn string) (*gorm.DB, error) {
	return gorm.Open(driver, dsn)
}
