package main

import (
	"log"
	"os"

	"github.com/jmoiron/sqlx"
	"github.com/knadh/goyesql/v2"
	goyesqlx "github.com/knadh/goyesql/v2/sqlx"
	_ "github.com/lib/pq"

	"example.com/newsletter/internal/core"
	"example.com/newsletter/models"
)

func prepareQueries(db *sqlx.DB) *models.Queries {
	b, err := os.ReadFile("queries/subscribers.sql")
	if err != nil {
		log.Fatal(err)
	}
	qMap, err := goyesql.ParseBytes(b)
	if err != nil {
		log.Fatal(err)
	}
	var q models.Queries
	if err := goyesqlx.ScanToStruct(&q, qMap, db); err != nil {
		log.Fatal(err)
	}
	return &q
}

func subscribe(c *core.Core, email, name string) {
	if _, err := c.InsertSubscriber(email, name); err != nil {
		log.Printf("subscribing %s: %v", email, err)
	}
}

func logDBInfo(db *sqlx.DB, qMap goyesql.Queries) {
	if q, ok := qMap["get-db-info"]; ok {
		var info string
		if err := db.QueryRow(q.Query).Scan(&info); err != nil {
			log.Printf("database info: %v", err)
		}
	}
}
