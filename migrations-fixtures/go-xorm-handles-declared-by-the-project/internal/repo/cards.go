package repo

import (
	"context"

	"example.com/board/internal/data"
	"example.com/board/internal/db"
	"example.com/board/internal/entity"
)

type cardRepo struct {
	data *data.Data
}

// Archived counts archived cards through the engine field: archived is in no migration.
func (r *cardRepo) Archived(ctx context.Context) (int64, error) {
	return r.data.DB.Context(ctx).Where("archived = ?", true).Count(&entity.Card{})
}

// OnLane lists a lane's cards through a session of the project's helper.
func OnLane(laneID int64) ([]*entity.Card, error) {
	s := db.NewSession()
	defer s.Close()
	var cards []*entity.Card
	err := s.Where("lane_id = ?", laneID).OrderBy("position").Find(&cards)
	return cards, err
}

// Titles reads the titles straight from a new session.
func Titles() ([]string, error) {
	var titles []string
	err := db.NewSession().Table("card").Cols("title").Find(&titles)
	return titles, err
}
