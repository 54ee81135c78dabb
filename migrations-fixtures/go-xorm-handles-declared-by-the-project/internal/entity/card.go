package entity

// Card is a card on a lane.
type Card struct {
	ID     int64  `xorm:"pk autoincr 'id'"`
	Title  string `xorm:"'title'"`
	LaneID int64  `xorm:"'lane_id'"`
}
