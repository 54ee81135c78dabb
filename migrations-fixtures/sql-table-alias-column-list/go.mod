module example.com/shelfware

go 1.21
