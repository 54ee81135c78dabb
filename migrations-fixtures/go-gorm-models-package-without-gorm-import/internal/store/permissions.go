package store

import (
	"example.com/perm/internal/model"
	"gorm.io/gorm"
)

func Permissions(db *gorm.DB, apiID string) ([]model.Permission, error) {
	var out []model.Permission
	err := db.Where("api_id = ?", apiID).Find(&out).Error
	return out, err
}
