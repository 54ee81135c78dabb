module example.com/herbarium

go 1.22

require gorm.io/gorm v1.25.10

require (
	github.com/jinzhu/inflection v1.0.1-0.20231016084002-bbe0a3e7399f // indirect
	github.com/jinzhu/now v1.1.5 // indirect
)
