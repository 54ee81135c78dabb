module example.com/restore

go 1.22
