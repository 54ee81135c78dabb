package db

import (
	"xorm.io/xorm"
	"xorm.io/xorm/names"
)

// Open names columns with Go initialisms kept together (OwnerID -> owner_id, not owner_i_d).
func Open(dsn string) (*xorm.Engine, error) {
	x, err := xorm.NewEngine("postgres", dsn)
	if err != nil {
		return nil, err
	}
	x.SetMapper(names.GonicMapper{})
	return x, nil
}
