module example.com/perms

go 1.22

require github.com/ory/pop/v6 v6.1.1
