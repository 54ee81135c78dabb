package store

// This file does not import xorm: its chains start at the Store's engine.
import "example.com/ledger/model"

// Frozen reads a flag with xorm's portable backquotes: frozen is in no migration.
func (s *Store) Frozen(id int64) (bool, error) {
	return s.engine.Where("`id` = ? AND `frozen` = ?", id, true).Exist(&model.Account{})
}

// Touch writes a column named in backquotes: touched_at is in no migration.
func (s *Store) Touch(id int64) error {
	_, err := s.engine.ID(id).Cols("`touched_at`").Update(&model.Account{})
	return err
}

// Rich counts through the model's own TableName(): tier is in no migration.
func (s *Store) Rich() (int64, error) {
	return s.engine.Table(model.Account{}.TableName()).Where("tier = ?", "gold").Count()
}

// Owners reads through a session of the engine: nickname is in no migration.
func (s *Store) Owners(nick string) ([]model.Account, error) {
	sess := s.engine.NewSession()
	defer sess.Close()
	var out []model.Account
	err := sess.Where("nickname = ?", nick).Asc("owner").Find(&out)
	return out, err
}

// Search builds its condition in a variable: the chain is partly checked (owner is read, the
// condition's columns are not).
func (s *Store) Search(owner string, filter interface{}) ([]model.Account, error) {
	var out []model.Account
	err := s.engine.Where(filter).Asc("owner").Find(&out)
	return out, err
}

// Matching has no column but the condition's: a site of its own, unchecked.
func (s *Store) Matching(filter interface{}) (int64, error) {
	return s.engine.Where(filter).Count(&model.Account{})
}

// Closed fills a map keyed by the primary key, with a quoted literal in its condition: status is
// in no migration.
func (s *Store) Closed() (map[int64]*model.Account, error) {
	out := make(map[int64]*model.Account)
	err := s.engine.Where("status = 'closed' OR owner = ''").Find(&out)
	return out, err
}
