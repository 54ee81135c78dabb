package maintenance

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// Maintenance runs in the schema the queue was migrated into, named by the caller.
type Maintenance struct {
	conn   *pgx.Conn
	schema string
}

func (m *Maintenance) RetryJob(ctx context.Context, id int64) error {
	_, err := m.conn.Exec(ctx, "UPDATE "+m.schema+".queue_job SET state = 'available', attempt = 0 WHERE id = $1", id)
	return err
}

func (m *Maintenance) DeleteFinalized(ctx context.Context) error {
	_, err := m.conn.Exec(ctx, fmt.Sprintf(`DELETE FROM %q.queue_job WHERE state = 'completed' AND finalised_at < now() - interval '1 day'`, m.schema))
	return err
}

func (m *Maintenance) CountByKind(ctx context.Context, kind string) (int, error) {
	var n int
	err := m.conn.QueryRow(ctx, "SELECT count(*) FROM tenant_"+m.schema+".queue_job j WHERE j.kind = $1", kind).Scan(&n)
	return n, err
}

// queue_leader exists in two schemas: which one the run-time schema holds is not known.
func (m *Maintenance) LeaderExpiry(ctx context.Context, name string) error {
	_, err := m.conn.Exec(ctx, "SELECT expires_at FROM "+m.schema+".queue_leader WHERE name = $1", name)
	return err
}

// No migration creates queue_stats: a table of the run-time schema the model does not know.
func (m *Maintenance) Stats(ctx context.Context) error {
	_, err := m.conn.Exec(ctx, "SELECT jobs_total FROM "+m.schema+".queue_stats")
	return err
}

// The fragment qualifies a column here, not a relation: unknown.
func (m *Maintenance) ColumnOfAlias(ctx context.Context, alias string) error {
	_, err := m.conn.Exec(ctx, "SELECT "+alias+".kindx FROM queue_job j")
	return err
}
