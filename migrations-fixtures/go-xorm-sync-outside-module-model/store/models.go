package store

import "time"

// Ticket is a support request.
type Ticket struct {
	Id        int64     `xorm:"pk autoincr"`
	Subject   string    `xorm:"varchar(200) notnull"`
	OwnerName string    `xorm:"varchar(100) index"`
	Closed    bool      `xorm:"bool"`
	CreatedAt time.Time `xorm:"created"`
}

// Reply is one answer on a ticket.
type Reply struct {
	Id       int64  `xorm:"pk autoincr"`
	TicketId int64  `xorm:"index"`
	Body     string `xorm:"text"`
}

// Agent answers tickets.
type Agent struct {
	Id    int64  `xorm:"pk autoincr"`
	Email  string `xorm:"varchar(200) unique"`
	APIKey string `xorm:"varchar(64)"`
}
