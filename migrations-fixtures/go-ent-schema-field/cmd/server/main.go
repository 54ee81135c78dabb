package main

import (
	"database/sql"
	"log"

	_ "github.com/jackc/pgx/v5/stdlib"
)

func main() {
	db, err := sql.Open("pgx", "postgres://localhost/fleet")
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
}
