package object

// Organization owns members.
type Organization struct {
	Owner       string `xorm:"varchar(100) notnull pk"`
	Name        string `xorm:"varchar(100) notnull pk"`
	DisplayName string `xorm:"varchar(100)"`
	CreatedTime string `xorm:"varchar(100)"`
}

// Member belongs to an organization.
type Member struct {
	Owner        string `xorm:"varchar(100) notnull pk"`
	Name         string `xorm:"varchar(100) notnull pk"`
	Email        string `xorm:"varchar(100) index"`
	Organization string `xorm:"varchar(100)"`
}
