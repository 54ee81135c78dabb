module example.com/shelters

go 1.22
