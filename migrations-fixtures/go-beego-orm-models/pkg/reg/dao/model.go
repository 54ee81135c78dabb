package dao

import "time"

// Registry is registered in base.go; every mapped field is read by o.Read(&r).
type Registry struct {
	ID            int64     `orm:"pk;auto;column(id)"`
	URL           string    `orm:"column(url)"`
	Name          string    `orm:"column(name)"`
	Insecure      bool      `orm:"column(insecure)"`
	CACertificate string    `orm:"column(ca_certificate);null"`
	CreationTime  time.Time `orm:"auto_now_add"`
	Owner         *Owner    `orm:"rel(fk)"`
	Labels        []*Label  `orm:"reverse(many)"`
	Scratch       string    `orm:"-"`
	cache         string
}

type Owner struct {
	ID int64 `orm:"pk;column(id)"`
}

func (r *Registry) TableName() string {
	return "registry"
}

// Label has no TableName: beego names its table "label".
type Label struct {
	ID       int64     `orm:"pk;auto;column(id)"`
	Name     string    `orm:"column(name)"`
	Color    string    `orm:"column(color)"`
	Registry *Registry `orm:"rel(fk);column(registry_id)"`
}

// Draft has orm tags but is never registered: not a model.
type Draft struct {
	Body string `orm:"column(body)"`
}
