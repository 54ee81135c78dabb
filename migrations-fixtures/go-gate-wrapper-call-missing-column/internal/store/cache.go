package store

import "sync"

// Cache keeps recently read users; select the entry from the map, or fall back to the database.
type Cache struct {
	mu    sync.Mutex
	users map[int64]string
}

func (c *Cache) Get(id int64) (string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.users[id]
	return v, ok
}

func (c *Cache) Drop(id int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.users, id)
}
