module example.com/shop

go 1.22

require github.com/Masterminds/squirrel v1.5.4
