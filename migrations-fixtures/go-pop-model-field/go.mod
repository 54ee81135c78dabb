module example.com/accounts

go 1.22

require github.com/gobuffalo/pop/v6 v6.1.1
