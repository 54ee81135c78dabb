module example.com/runs

go 1.22

require gorm.io/gorm v1.25.12
