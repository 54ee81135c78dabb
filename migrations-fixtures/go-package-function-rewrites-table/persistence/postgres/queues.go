package postgres

import (
	"context"

	"github.com/jmoiron/sqlx"
	_ "github.com/lib/pq"

	"example.com/matching/persistence"
)

const (
	getQueueQry  = `SELECT range_id, data FROM queues_v2 WHERE range_hash = $1 AND queue_id = $2`
	lockQueueQry = `SELECT range_id FROM queues_v2 WHERE range_hash = $1 AND queue_id = $2 FOR UPDATE`
)

type Row struct {
	RangeID int64  `db:"range_id"`
	Data    []byte `db:"data"`
}

type db struct{ conn *sqlx.DB }

func (d *db) GetQueue(ctx context.Context, hash int64, id []byte, v persistence.QueueVersion) (Row, error) {
	var row Row
	err := d.conn.GetContext(ctx, &row, persistence.SwitchQueuesTable(getQueueQry, v), hash, id)
	return row, err
}

func (d *db) LockQueue(ctx context.Context, hash int64, id []byte, v persistence.QueueVersion) (int64, error) {
	var rangeID int64
	err := d.conn.GetContext(ctx, &rangeID, persistence.SwitchQueuesTable(lockQueueQry, v), hash, id)
	return rangeID, err
}
