package model

type Account struct {
	ID      int64  `xorm:"pk autoincr 'id'"`
	Owner   string `xorm:"'owner'"`
	Balance int64  `xorm:"'balance'"`
}

func (Account) TableName() string { return "accounts" }
