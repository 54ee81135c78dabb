package main

import (
	"os"

	"example.com/runs/internal/store"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
)

func main() {
	db, err := gorm.Open(postgres.Open(os.Getenv("DATABASE_URL")), &gorm.Config{})
	if err != nil {
		panic(err)
	}
	if err := db.AutoMigrate(store.Models...); err != nil {
		panic(err)
	}
}
