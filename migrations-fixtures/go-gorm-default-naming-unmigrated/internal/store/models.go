package store

import (
	"time"

	"gorm.io/gorm"
)

// ProjectRun has no TableName: GORM names its table project_runs.
type ProjectRun struct {
	gorm.Model
	ProjectID uint
	Status    string
	Summary   string
}

// Person is stored in people (an irregular plural).
type Person struct {
	ID    uint
	Email string `gorm:"uniqueIndex"`
}

// Base holds the columns every widget row shares; it is no table of its own.
type Base struct {
	ID        uint `gorm:"primaryKey"`
	CreatedAt time.Time
}

type Widget struct {
	Base
	Label string `gorm:"index"`
}

// RunCount is a result row of a grouped query, never a table.
type RunCount struct {
	Status string `gorm:"column:status"`
	Total  int64  `gorm:"column:total"`
}
