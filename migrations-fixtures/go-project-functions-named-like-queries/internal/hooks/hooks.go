// Package hooks lets tests change how the scheduler behaves.
package hooks

import "sync"

type Key[T any] struct{ name string }

var SkipLocking = Key[bool]{name: "skip-locking"}

type Registry struct {
	mu     sync.Mutex
	values map[string]any
}

// Get returns the value a test set for key, if any.
func Get[T any](r *Registry, key Key[T]) (T, bool) {
	var zero T
	if r == nil {
		return zero, false
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	v, ok := r.values[key.name]
	if !ok {
		return zero, false
	}
	return v.(T), true
}
