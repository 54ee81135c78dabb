module example.com/ci

go 1.22

require github.com/Masterminds/squirrel v1.5.4
