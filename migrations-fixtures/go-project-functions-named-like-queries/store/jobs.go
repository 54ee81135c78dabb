package store

import (
	"context"
	"database/sql"
	"os"
	"syscall"

	_ "github.com/lib/pq"

	"example.com/jobs/internal/archive"
	"example.com/jobs/internal/cache"
	"example.com/jobs/internal/hooks"
)

type Store struct {
	db       *sql.DB
	hooks    *hooks.Registry
	archives archive.Provider
}

func (s *Store) NextJob(ctx context.Context, state string) (int64, error) {
	query := `SELECT id FROM jobs WHERE state = $1 ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED`
	if skip, _ := hooks.Get(s.hooks, hooks.SkipLocking); skip {
		query = `SELECT id FROM jobs WHERE state = $1 ORDER BY id LIMIT 1`
	}
	var id int64
	err := s.db.QueryRowContext(ctx, query, state).Scan(&id)
	return id, err
}

func (s *Store) Finished(ctx context.Context, uri, state string) (int, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM jobs WHERE state = $1 AND finished_at IS NOT NULL`, state).Scan(&n); err != nil {
		return 0, err
	}
	archived, err := archive.Query(ctx, uri, state)
	if err != nil {
		return 0, err
	}
	return n + len(archived), nil
}

// Search lists the archived jobs of a state.
func (s *Store) Search(ctx context.Context, raw, state string) ([]archive.Record, error) {
	uri, err := archive.ParseURI(raw)
	if err != nil {
		return nil, err
	}
	archiver, err := s.archives.GetArchiver(uri.Scheme())
	if err != nil {
		return nil, err
	}
	return archiver.Query(ctx, uri, &archive.Request{State: state, PageSize: 100})
}

// Restart replaces the process with a fresh copy of itself.
func Restart(path string) error {
	return syscall.Exec(path, os.Args, os.Environ())
}

// Upgrade restarts into the binary now on disk.
func Upgrade() error {
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	return Restart(exe)
}

// LastRunner reads who ran a job last from the cache, under the caller's key.
func LastRunner(c *cache.Store, key string) (string, error) {
	return c.Value(key)
}
