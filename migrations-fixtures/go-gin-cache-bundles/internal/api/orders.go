package api

import (
	"context"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/jmoiron/sqlx"
	"github.com/redis/go-redis/v9"
)

type Handler struct {
	db  *sqlx.DB
	rdb *redis.Client
}

type Order struct {
	ID         int64  `db:"id"`
	Status     string `db:"status"`
	TotalCents int    `db:"total_cents"`
}

// ListOrders filters by ?status=; gin's Query reads the URL, not the database.
func (h *Handler) ListOrders(c *gin.Context) {
	status := c.Query("status")
	page := c.DefaultQuery("page", "1")
	_ = page
	var orders []Order
	err := h.db.SelectContext(c.Request.Context(), &orders,
		"SELECT id, status, total_cents FROM orders WHERE status = $1 ORDER BY created_at DESC", status)
	if err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": err.Error()})
		return
	}
	c.JSON(http.StatusOK, orders)
}

// CachedTotal reads a cache key before the database.
func (h *Handler) CachedTotal(ctx context.Context, customerID int64) (int, error) {
	if v, err := h.rdb.Get(ctx, "user-id-123").Int(); err == nil {
		return v, nil
	}
	var total int
	err := h.db.GetContext(ctx, &total,
		"SELECT coalesce(sum(total_cents), 0) FROM orders WHERE customer_id = $1", customerID)
	return total, err
}
