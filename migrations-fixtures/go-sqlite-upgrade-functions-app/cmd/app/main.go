package main

import (
	"log"

	"example.com/notifyhub/server"
)

func main() {
	store, err := server.NewMessageStore("/var/cache/notifyhub/cache.db")
	if err != nil {
		log.Fatal(err)
	}
	if err := store.Add("m1", "alerts", "disk full", 4); err != nil {
		log.Fatal(err)
	}
}
