package services

import (
	"example.com/fleet/internal/models"
	"gorm.io/gorm"
)

func Create(db *gorm.DB, c *models.Connector) error {
	return db.Create(c).Error
}

func withConditions(db *gorm.DB) *gorm.DB {
	return db.Model(&models.ConnectorWithConditions{}).Table("connectors").
		Select("connectors.*, connector_statuses.conditions").
		Joins("left join connector_statuses on connector_statuses.id = connectors.id")
}

func Get(db *gorm.DB, id uint) (*models.ConnectorWithConditions, error) {
	var out models.ConnectorWithConditions
	err := withConditions(db).Where("connectors.id = ?", id).First(&out).Error
	return &out, err
}

func Summaries(db *gorm.DB) ([]models.ConnectorSummary, error) {
	var rows []models.ConnectorSummary
	err := db.Model(&models.ConnectorSummary{}).Table("connectors").Select("name, owner").Find(&rows).Error
	return rows, err
}
