package store

import (
	"time"

	"example.com/shortener/model"
	"gorm.io/gorm"
)

type Store struct{ DB *gorm.DB }

// Hit counts one visit; its table is created with the others at start-up.
type Hit struct {
	ID     uint `gorm:"primaryKey"`
	LinkID uint `gorm:"index"`
	At     time.Time
}

func (s *Store) Resolve(slug string) (*model.Link, error) {
	var l model.Link
	err := s.DB.Where("slug = ? AND (expiry IS NULL OR expiry > now())", slug).First(&l).Error
	return &l, err
}

func (s *Store) Cleanup() error {
	return s.DB.Exec("DELETE FROM links WHERE expires_at < now()").Error
}

func (s *Store) TopLinks(owner uint) ([]model.Link, error) {
	var out []model.Link
	err := s.DB.Raw(`SELECT l.* FROM links l JOIN hits h ON h.link_id = l.id
		WHERE l.owner_id = ? GROUP BY l.id ORDER BY count(*) DESC LIMIT 10`, owner).Scan(&out).Error
	return out, err
}
