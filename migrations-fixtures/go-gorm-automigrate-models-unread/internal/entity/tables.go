package entity

import "github.com/jinzhu/gorm"

type Album struct {
	ID    uint
	Title string
}

type Photo struct {
	ID      uint
	AlbumID uint
	Path    string
}

var tables = map[string]interface{}{
	"albums": &Album{},
	"photos": &Photo{},
}

// Migrate creates the tables the models describe, one by one.
func Migrate(db *gorm.DB) {
	for _, entity := range tables {
		db.AutoMigrate(entity)
	}
}

// Count runs raw SQL against the same database.
func Count(db *gorm.DB) (n int) {
	db.Raw("SELECT count(*) FROM photos WHERE album_id IS NOT NULL").Row().Scan(&n)
	return n
}
