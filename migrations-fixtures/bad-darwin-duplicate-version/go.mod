module example.com/ledger

go 1.22

require github.com/ardanlabs/darwin/v3 v3.1.1
