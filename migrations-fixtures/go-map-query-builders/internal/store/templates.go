package store

const deleteMapQueryTemplate = `DELETE FROM %v WHERE shard_id = $1 AND run_id = $2`

const getMapQueryTemplate = `SELECT %[2]v, data FROM %[1]v WHERE shard_id = $1 AND run_id = $2`

// keyColumn is the primary key column the maps of one kind share.
func keyColumn(timers bool) string {
	if timers {
		return "timer_id"
	}
	return "schedule_id"
}
