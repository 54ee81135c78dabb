package migrate

import "fmt"

type MigrationFunc[C any] func(ctx any, conn C) error

type migration[C, T any] struct {
	version, replaces string
	up                MigrationFunc[C]
	upTx              func(ctx any, tx T) error
}

// Manager runs registered migrations as the chain their "replaces" links spell.
type Manager[C, T any] struct {
	migrations map[string]migration[C, T]
}

func NewManager[C, T any]() *Manager[C, T] {
	return &Manager[C, T]{migrations: map[string]migration[C, T]{}}
}

func (m *Manager[C, T]) Register(version, replaces string, up MigrationFunc[C], upTx func(ctx any, tx T) error) error {
	if _, ok := m.migrations[version]; ok {
		return fmt.Errorf("duplicate version %s", version)
	}
	m.migrations[version] = migration[C, T]{version, replaces, up, upTx}
	return nil
}
