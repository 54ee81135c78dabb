package dao

// JobLogTable names the table through a constant: its name is not read, so JobLog is listed
// as unchecked (no migration adds job_log.job_uuid, and nothing says so).
const JobLogTable = "job_log"

type JobLog struct {
	LogID   int    `orm:"pk;auto;column(log_id)"`
	JobUUID string `orm:"column(job_uuid)"`
	Content string `orm:"column(content)"`
}

func (*JobLog) TableName() string {
	return JobLogTable
}
