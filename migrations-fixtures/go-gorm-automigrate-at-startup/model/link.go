package model

import "time"

// Link is one short URL. The schema is these models: the store AutoMigrates them when the
// program starts, and the project has no migrations.
type Link struct {
	ID        uint   `gorm:"primaryKey"`
	Slug      string `gorm:"type:varchar(32);uniqueIndex"`
	Target    string `gorm:"type:text"`
	OwnerID   uint   `gorm:"index"`
	CreatedAt time.Time
	// Renamed in the model; the raw cleanup query below still says "expires_at".
	ExpiresAt *time.Time `gorm:"column:expiry"`
}

type Owner struct {
	ID    uint   `gorm:"primaryKey"`
	Email string `gorm:"type:varchar(255);uniqueIndex"`
	Links []Link `gorm:"foreignKey:OwnerID"`
}
