module example.com/orders

go 1.22

require (
	github.com/gin-gonic/gin v1.10.0
	github.com/jmoiron/sqlx v1.4.0
	github.com/redis/go-redis/v9 v9.5.1
)
