package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/jmoiron/sqlx"
	_ "github.com/jackc/pgx/v5/stdlib"
)

func makeDeleteMapQry(tableName string) string {
	return fmt.Sprintf(deleteMapQueryTemplate, tableName)
}

func makeGetMapQry(tableName string, mapKeyName string) string {
	return fmt.Sprintf(getMapQueryTemplate, tableName, mapKeyName)
}

var (
	deleteActivityInfoMapQry = makeDeleteMapQry("activity_info_maps")
	getActivityInfoMapQry    = makeGetMapQry("activity_info_maps", "schedule_id")
	deleteTimerInfoMapQry    = makeDeleteMapQry("timer_info_map")
	getTimerInfoMapQry       = makeGetMapQry("timer_info_maps", "timer_key")
)

type Store struct{ db *sqlx.DB }

func (s *Store) DeleteActivities(ctx context.Context, shard int, run []byte) error {
	_, err := s.db.ExecContext(ctx, deleteActivityInfoMapQry, shard, run)
	return err
}

func (s *Store) DeleteTimers(ctx context.Context, shard int, run []byte) error {
	_, err := s.db.ExecContext(ctx, deleteTimerInfoMapQry, shard, run)
	return err
}

func (s *Store) Activities(ctx context.Context, shard int, run []byte) (*sql.Rows, error) {
	return s.db.QueryContext(ctx, getActivityInfoMapQry, shard, run)
}

func (s *Store) Timers(ctx context.Context, shard int, run []byte) (*sql.Rows, error) {
	return s.db.QueryContext(ctx, getTimerInfoMapQry, shard, run)
}

// Keys lists one kind's keys; the query is built with a strings.Builder.
func (s *Store) Keys(ctx context.Context, timers bool, shard int) (*sql.Rows, error) {
	var b strings.Builder
	b.WriteString("SELECT ")
	b.WriteString(keyColumn(timers))
	fmt.Fprintf(&b, " FROM %s", "activity_info_maps")
	b.WriteString(" WHERE shard_id = $1 AND dat IS NOT NULL")
	return s.db.QueryContext(ctx, b.String(), shard)
}

const deleteTimersInQuery = `DELETE FROM timer_info_maps WHERE shard_id = ? AND timer_id IN (?) AND run_ids = ?`

// DeleteSomeTimers expands IN (?) with sqlx.In, then rebinds ? to PostgreSQL's $n.
func (s *Store) DeleteSomeTimers(ctx context.Context, shard int, ids []string, run []byte) error {
	query, args, err := sqlx.In(deleteTimersInQuery, shard, ids, run)
	if err != nil {
		return err
	}
	_, err = s.db.ExecContext(ctx, s.db.Rebind(query), args...)
	return err
}

// AddTimers inserts many rows: the VALUES list grows in a loop.
func (s *Store) AddTimers(ctx context.Context, shard int, ids []string) error {
	var q strings.Builder
	q.WriteString("INSERT INTO timer_info_maps (shard_id, run_id, timer_id, data) VALUES ")
	var params []any
	for i, id := range ids {
		q.WriteString(fmt.Sprintf("($%d, '', $%d, '')", i*2+1, i*2+2))
		if i < len(ids)-1 {
			q.WriteString(", ")
		}
		params = append(params, shard, id)
	}
	q.WriteString(" ON CONFLICT (shard_id, run_id, timer_id) DO NOTHING")
	_, err := s.db.ExecContext(ctx, q.String(), params...)
	return err
}
