package store

import "gorm.io/gorm"

func Collectors(db *gorm.DB) ([]Collector, error) {
	var cs []Collector
	err := db.Where("name <> ?", "").Find(&cs).Error
	return cs, err
}

func Leaves(db *gorm.DB) ([]Leaf, error) {
	var ls []Leaf
	err := db.Find(&ls).Error
	return ls, err
}

func Evidences(db *gorm.DB) ([]Evidence, error) {
	var es []Evidence
	err := db.Find(&es).Error
	return es, err
}
