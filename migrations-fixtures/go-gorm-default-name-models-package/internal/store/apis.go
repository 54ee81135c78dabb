package store

import (
	"example.com/apis/internal/model"
	"gorm.io/gorm"
)

func APIByAudience(db *gorm.DB, audience string) (model.API, error) {
	var api model.API
	err := db.Model(&model.API{}).Where("audience = ?", audience).First(&api).Error
	return api, err
}
