package store

import (
	"context"
	"errors"
	"fmt"
)

var errNotFound = errors.New("update not found")

// Rename sets the nickname shown in the header, and drops the cached copy so the next read
// selects the new one from the table.
func (s *Store) Rename(ctx context.Context, id int64, nickname string) error {
	if _, ok := s.cache.Get(id); !ok {
		return fmt.Errorf("rename %d: %w", id, errNotFound)
	}
	if err := s.run(ctx, "UPDATE users SET nickname = $1 WHERE id = $2", nickname, id); err != nil {
		return fmt.Errorf("update nickname of %d: %w", id, err)
	}
	s.cache.Drop(id)
	return nil
}
