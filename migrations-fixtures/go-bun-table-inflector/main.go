package main

import (
	"github.com/uptrace/bun/schema"
)

func init() {
	// Tables are named "t_" and the singular name: bun's default plural is not used.
	schema.SetTableNameInflector(func(s string) string { return "t_" + s })
}

func main() {}
