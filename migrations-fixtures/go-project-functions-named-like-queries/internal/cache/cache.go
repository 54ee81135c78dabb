package cache

import (
	"context"

	"github.com/redis/go-redis/v9"
)

// Store keeps values in Redis, whose Get takes a context first: no sqlx Get, whose destination
// comes first, and no wrapper of one.
type Store struct{ client *redis.Client }

func (s *Store) Value(key string) (string, error) {
	return s.client.Get(context.Background(), key).Result()
}
