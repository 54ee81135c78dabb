package user

import "time"

// User is an account.
type User struct {
	ID       int64     `xorm:"bigint autoincr not null unique pk"`
	Username string    `xorm:"varchar(250) not null unique"`
	Email    string    `xorm:"varchar(250) null"`
	Created  time.Time `xorm:"created not null"`
}

// TableName keeps the historical plural name.
func (User) TableName() string { return "users" }

// GetTables lists the tables of this package.
func GetTables() []interface{} {
	return []interface{}{&User{}}
}
