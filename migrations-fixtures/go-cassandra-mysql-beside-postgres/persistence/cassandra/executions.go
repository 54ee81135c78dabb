package cassandra

import "github.com/gocql/gocql"

const templateGetExecution = `SELECT execution, next_event_id FROM executions WHERE shard_id = ? AND type = ? AND namespace_id = ? AND workflow_id = ? AND run_id = ? AND visibility_ts = ? AND task_id = ?`

func GetExecution(session *gocql.Session, shard int32) error {
	return session.Query(templateGetExecution, shard).Exec()
}
