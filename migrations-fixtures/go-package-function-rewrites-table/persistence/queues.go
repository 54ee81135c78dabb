package persistence

import (
	"strings"
	"sync"
)

// QueueVersion picks the table a queue's rows live in: v1 queues stay in the old table until
// they are migrated.
type QueueVersion int

const (
	QueueVersion1 QueueVersion = 1
	QueueVersion2 QueueVersion = 2
)

var v1Queries sync.Map

// SwitchQueuesTable turns a query of queues_v2 into the same query of the v1 table.
func SwitchQueuesTable(query string, v QueueVersion) string {
	if v == QueueVersion2 {
		return query
	}
	if q, ok := v1Queries.Load(query); ok {
		return q.(string)
	}
	q := strings.ReplaceAll(query, " queues_v2 ", " queues ")
	v1Queries.Store(query, q)
	return q
}
