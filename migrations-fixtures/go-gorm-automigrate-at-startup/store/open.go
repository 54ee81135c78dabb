package store

import (
	"example.com/shortener/model"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
)

// Open connects and creates the tables: the project has no migrations, AutoMigrate is its schema.
func Open(dsn string) (*Store, error) {
	db, err := gorm.Open(postgres.Open(dsn), &gorm.Config{})
	if err != nil {
		return nil, err
	}
	if err := db.AutoMigrate(new(model.Owner), new(model.Link), &Hit{}); err != nil {
		return nil, err
	}
	return &Store{DB: db}, nil
}
