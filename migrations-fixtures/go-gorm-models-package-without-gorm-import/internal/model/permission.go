// Models live in a package of their own that does not import GORM; the store package does.
package model

type Permission struct {
	ID    string `gorm:"primaryKey"`
	APIID string `gorm:"column:api_id"`
	Key   string
	// Added for a release; no migration adds it yet.
	AllowedForCIMD bool `gorm:"column:allowed_for_cimd"`
}

func (Permission) TableName() string { return "api_permissions" }
