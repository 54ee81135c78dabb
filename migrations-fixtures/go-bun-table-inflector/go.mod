module example.com/ledger

go 1.22

require github.com/uptrace/bun v1.2.5
