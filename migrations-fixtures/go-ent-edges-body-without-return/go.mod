module example.com/helpdesk

go 1.22

require entgo.io/ent v0.13.1
