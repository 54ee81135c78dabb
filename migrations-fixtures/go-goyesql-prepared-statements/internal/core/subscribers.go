package core

import (
	"strings"

	"github.com/jmoiron/sqlx"

	"example.com/newsletter/models"
)

type Core struct {
	db *sqlx.DB
	q  *models.Queries
}

func (c *Core) GetSubscriber(id int) (models.Subscriber, error) {
	var out models.Subscriber
	err := c.q.GetSubscriber.Get(&out, id)
	return out, err
}

func (c *Core) InsertSubscriber(email, name string) (int, error) {
	var id int
	err := c.q.InsertSubscriber.Get(&id, email, name, "enabled")
	return id, err
}

func (c *Core) QuerySubscribers(expr, orderBy string, limit int) ([]models.Subscriber, error) {
	stmt := strings.ReplaceAll(c.q.QuerySubscribers, "%query%", expr)
	stmt = strings.ReplaceAll(stmt, "%order%", orderBy)
	var out []models.Subscriber
	err := c.db.Select(&out, stmt, limit)
	return out, err
}

func (c *Core) DBInfo() (string, error) {
	var info string
	err := c.db.QueryRow(c.q.GetDBInfo).Scan(&info)
	return info, err
}
