module example.com/qb

go 1.22
