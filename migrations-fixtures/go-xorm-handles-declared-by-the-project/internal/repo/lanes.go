package repo

// finder is no xorm handle: a session helper's name shadowed by a parameter of another type.
type finder interface {
	Where(query interface{}, args ...interface{}) finder
	Count(beans ...interface{}) (int64, error)
}

type Lane struct {
	ID int64 `xorm:"pk autoincr 'id'"`
}

// Wide counts through a finder it is given, not through the project's xorm session.
func Wide(s finder) (int64, error) {
	return s.Where("width > ?", 3).Count(&Lane{})
}
