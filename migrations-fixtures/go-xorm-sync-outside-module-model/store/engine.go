package store

import (
	xormadapter "github.com/casbin/xorm-adapter/v3"
	"xorm.io/xorm"
	"xorm.io/xorm/names"
)

// Store holds the engine; the tables are synced from the models when it opens.
type Store struct {
	Engine *xorm.Engine
}

// Open connects and creates or updates every table.
func Open(dsn string) (*Store, error) {
	engine, err := xorm.NewEngine("postgres", dsn)
	if err != nil {
		return nil, err
	}
	// Tables keep xorm's default SnakeMapper; columns keep initialisms together (APIKey -> api_key).
	engine.SetColumnMapper(names.GonicMapper{})
	s := &Store{Engine: engine}
	s.createTables()
	return s, nil
}

func (s *Store) createTables() {
	// The policy table of the authorization adapter: its model lives in the adapter's module.
	if err := s.Engine.Sync2(new(xormadapter.CasbinRule)); err != nil {
		panic(err)
	}
	if err := s.Engine.Sync2(new(Ticket)); err != nil {
		panic(err)
	}
	if err := s.Engine.Sync(tables...); err != nil {
		panic(err)
	}
}

// The other tables, synced together.
var tables = []any{
	&Reply{},
	new(Agent),
}
