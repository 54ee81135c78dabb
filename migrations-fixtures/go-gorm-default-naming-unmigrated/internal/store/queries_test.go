package store

import (
	"testing"

	"gorm.io/driver/sqlite"
	"gorm.io/gorm"
)

// Tests migrate a scratch database of their own; that is not the server's start-up.
func TestRecentRuns(t *testing.T) {
	db, _ := gorm.Open(sqlite.Open("file::memory:"), &gorm.Config{})
	if err := db.AutoMigrate(&ProjectRun{}, &Person{}); err != nil {
		t.Fatal(err)
	}
}
