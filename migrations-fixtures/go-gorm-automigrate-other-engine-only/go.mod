module example.com/albums

go 1.21

require github.com/jinzhu/gorm v1.9.16
