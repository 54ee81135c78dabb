package dao

import "example.com/scanhub/lib/orm"

func init() {
	orm.RegisterModel(new(Report))
}

// Report is registered through the project's wrapper; its severity column is in no migration.
type Report struct {
	ID       int64  `orm:"pk;auto;column(id)"`
	Digest   string `orm:"column(digest)"`
	Severity int    `orm:"column(severity)"`
}

func (r *Report) TableName() string { return "report" }
