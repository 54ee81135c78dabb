package model

// Board is a record of table boards.
type Board struct {
	ID    int64  `bun:",pk"`
	Title string `bun:",notnull"`
	// No migration adds boards.archived: every query of the model selects it.
	Archived bool `bun:",notnull,default:false"`
	Stamps
	Pins []*Pin `bun:"rel:has-many,join:id=board_id"`
}

// Pin is a record of table pins.
type Pin struct {
	ID      int64  `bun:",pk"`
	BoardID int64  `bun:",notnull"`
	URL     string `bun:"url,notnull"`
}

// PinCategory is a record of table pin_categories.
type PinCategory struct {
	ID   int64  `bun:",pk"`
	Name string `bun:",notnull"`
}

// Leaf is stored in leafs: jinzhu/inflection v1.0.0, which bun requires (later commits say leaves).
type Leaf struct {
	ID    int64  `bun:",pk"`
	Color string `bun:",nullzero"`
}

// BoardCount is what a counting query scans into: no query passes it to Model().
type BoardCount struct {
	BoardID int64 `bun:"board_id"`
	Pins    int   `bun:"pins"`
}

// ArchivedBoard is stored in Board's table (inherit): its columns are that table's.
type ArchivedBoard struct {
	Board `bun:",inherit"`
	Reason string `bun:",nullzero"`
}
