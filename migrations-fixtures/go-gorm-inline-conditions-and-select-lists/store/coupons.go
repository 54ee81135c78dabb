package store

import "gorm.io/gorm"

type Coupon struct {
	ID        uint
	Code      string
	UsedCount int
}

type Store struct{ db *gorm.DB }

// ByCode finds with an inline condition: a Where of its own (codes is no column).
func (s *Store) ByCode(code string) (*Coupon, error) {
	var c Coupon
	err := s.db.First(&c, "codes = ?", code).Error
	return &c, err
}

// Usage selects named columns, each of which GORM sends (usage is no column).
func (s *Store) Usage() ([]Coupon, error) {
	var out []Coupon
	err := s.db.Select("id", "usage").Find(&out).Error
	return out, err
}

// Fine: existing columns, and a key given as a number.
func (s *Store) Fine(id uint) (*Coupon, error) {
	var c Coupon
	err := s.db.Select("id", "code", "used_count").First(&c, id).Error
	return &c, err
}
