package store

import "xorm.io/xorm"

type Store struct {
	engine *xorm.Engine
}
