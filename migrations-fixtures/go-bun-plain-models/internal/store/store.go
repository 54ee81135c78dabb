// Package store runs the queries.
package store

import (
	"context"

	"github.com/uptrace/bun"

	"example.com/pinboard/internal/model"
)

type Store struct{ db *bun.DB }

func (s *Store) Board(ctx context.Context, id int64) (*model.Board, error) {
	board := new(model.Board)
	err := s.db.NewSelect().Model(board).Where("id = ?", id).Scan(ctx)
	return board, err
}

func (s *Store) PinsOf(ctx context.Context, boardID int64) ([]*model.Pin, error) {
	var pins []*model.Pin
	err := s.db.NewSelect().Model(&pins).Where("board_id = ?", boardID).Order("position ASC").Scan(ctx)
	return pins, err
}

func (s *Store) Categories(ctx context.Context) ([]model.PinCategory, error) {
	var cats []model.PinCategory
	err := s.db.NewSelect().Model(&cats).Order("name").Scan(ctx)
	return cats, err
}

func (s *Store) Leaves(ctx context.Context) ([]model.Leaf, error) {
	var leaves []model.Leaf
	err := s.db.NewSelect().Model(&leaves).Where("color = ?", "green").Scan(ctx)
	return leaves, err
}

func (s *Store) Counts(ctx context.Context) ([]model.BoardCount, error) {
	var counts []model.BoardCount
	err := s.db.NewSelect().
		TableExpr("? AS ?", bun.Ident("pins"), bun.Ident("pin")).
		ColumnExpr("pin.board_id, count(*) AS pins").
		Group("pin.board_id").
		Scan(ctx, &counts)
	return counts, err
}

func (s *Store) Pins(ctx context.Context, q bun.IDB, into any) error {
	return q.NewSelect().Model(into).Scan(ctx)
}

func (s *Store) Archived(ctx context.Context) ([]model.ArchivedBoard, error) {
	var boards []model.ArchivedBoard
	err := s.db.NewSelect().Model(&boards).Where("reason IS NOT NULL").Scan(ctx)
	return boards, err
}

func (s *Store) BoardIDsByTitle(ctx context.Context, title string) ([]int64, error) {
	var ids []int64
	err := s.db.NewSelect().
		TableExpr("? AS ?", bun.Ident("boards"), bun.Ident("board")).
		Column("board.id").
		Where("? = ?", bun.Ident("board.title"), title).
		Where("board.deleted_at IS NULL").
		Scan(ctx, &ids)
	return ids, err
}

func (s *Store) CategoryIDBySlug(ctx context.Context, slug string) (int64, error) {
	var id int64
	err := s.db.NewSelect().
		TableExpr("?", bun.Ident("pin_categories")).
		Column("id").
		Where("? = ?", bun.Ident("pin_categories.slug"), slug).
		Scan(ctx, &id)
	return id, err
}

// The alias alone is the whole row, not a column (this compare fails in PostgreSQL, but with
// no missing column): not read as one.
func (s *Store) DeletePin(ctx context.Context, id int64) error {
	_, err := s.db.NewDelete().
		TableExpr("? AS ?", bun.Ident("pins"), bun.Ident("pin")).
		Where("? = ?", bun.Ident("pin"), id).
		Returning("?", bun.Ident("pinned_at")).
		Exec(ctx)
	return err
}
