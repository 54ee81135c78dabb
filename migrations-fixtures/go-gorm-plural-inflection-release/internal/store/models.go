package store

import "gorm.io/gorm"

// Collector is stored in collectors, whichever release of the inflection library GORM uses.
type Collector struct {
	gorm.Model
	Name  string
	Email string // no migration adds collectors.email
}

// Leaf is stored in leafs under v1.0.0.
type Leaf struct {
	gorm.Model
	Shape string
	Vein  string // no migration adds leafs.vein
}

// Evidence is stored in evidences under v1.0.0.
type Evidence struct {
	gorm.Model
	Note string
	Seen bool
}
