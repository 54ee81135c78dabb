package queue

import "fmt"

type dataset struct {
	JobTable    string
	StatusTable string
	Index       string
}

func newDataset(prefix, index string) dataset {
	return dataset{
		JobTable:    fmt.Sprintf("%s_jobs_%s", prefix, index),
		StatusTable: fmt.Sprintf("%s_job_status_%s", prefix, index),
		Index:       index,
	}
}

func lockName(prefix, operation string) string {
	return fmt.Sprintf("%s_%s", prefix, operation)
}
