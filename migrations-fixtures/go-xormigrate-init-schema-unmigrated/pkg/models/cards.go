package models

import (
	"xorm.io/builder"
	"xorm.io/xorm"
)

// OpenCards lists the cards of a board that are not done, newest first.
func OpenCards(s *xorm.Session, boardID int64) ([]*Card, error) {
	cards := []*Card{}
	err := s.
		Where("board_id = ? AND done_at IS NULL", boardID).
		OrderBy("updated desc").
		Find(&cards)
	return cards, err
}

// CardsByRef finds cards by their API reference or color.
func CardsByRef(s *xorm.Session, refs []string, color string) ([]*Card, error) {
	var cards []*Card
	err := s.
		Where(builder.And(builder.In("api_ref", refs), builder.Eq{"hex_color": color})).
		Find(&cards)
	return cards, err
}

// ArchiveBoard archives a board.
func ArchiveBoard(s *xorm.Session, id int64) error {
	_, err := s.Table("boards").Where("id = ?", id).Cols("is_archived").Update(map[string]interface{}{"is_archived": true})
	return err
}

// CardsWithBoards reads cards joined with their boards: the joined chain is left out.
func CardsWithBoards(s *xorm.Session) ([]*CardWithBoard, error) {
	var out []*CardWithBoard
	err := s.Table("card").Join("INNER", "boards", "boards.id = card.board_id").Where("is_archived = ?", false).Find(&out)
	return out, err
}

// CountDone counts done cards with raw SQL.
func CountDone(x *xorm.Engine) (int64, error) {
	var n int64
	_, err := x.SQL("SELECT count(*) FROM card WHERE done_at IS NOT NULL AND api_ref <> ''").Get(&n)
	return n, err
}
