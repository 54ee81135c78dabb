module example.com/quotas

go 1.22
