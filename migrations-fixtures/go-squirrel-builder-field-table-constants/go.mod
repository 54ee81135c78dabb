module example.com/authz

go 1.22

require github.com/Masterminds/squirrel v1.5.4
