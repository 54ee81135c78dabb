// Package tag holds a model that the dao package registers: `&tag.Tag{}` there.
package tag

import "time"

type Tag struct {
	ID       int64     `orm:"pk;auto;column(id)"`
	Name     string    `orm:"column(name)"`
	PullTime time.Time `orm:"column(pull_time)"` // no migration adds tag.pull_time
}
