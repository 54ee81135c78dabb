package data

import "xorm.io/xorm"

// Data holds the engine every repository queries through.
type Data struct {
	DB *xorm.Engine
}
