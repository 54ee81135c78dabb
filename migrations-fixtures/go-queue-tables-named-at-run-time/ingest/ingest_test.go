package ingest_test

import (
	"database/sql"
	"testing"

	_ "github.com/lib/pq"
)

func TestIngestStoresJobs(t *testing.T) {
	db, err := sql.Open("postgres", "postgres://localhost/eventrelay_test")
	if err != nil {
		t.Fatal(err)
	}
	var jobs, failed int
	if err := db.QueryRow(`SELECT count(*) FROM in_jobs_1`).Scan(&jobs); err != nil {
		t.Fatal(err)
	}
	if err := db.QueryRow(`SELECT count(*) FROM in_jobs_1 j JOIN in_job_status_1 s ON s.job_id = j.job_id WHERE s.job_state = 'failed'`).Scan(&failed); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`INSERT INTO in_paused_partitions (partition_id) VALUES ($1)`, "p-1"); err != nil {
		t.Fatal(err)
	}
	var ops int
	if err := db.QueryRow(`SELECT count(*) FROM in_journal WHERE done`).Scan(&ops); err != nil {
		t.Fatal(err)
	}
	var started int
	if err := db.QueryRow(`SELECT count(*) FROM node_starts`).Scan(&started); err != nil {
		t.Fatal(err)
	}
	var archived int
	if err := db.QueryRow(`SELECT count(*) FROM in_archived_jobs`).Scan(&archived); err != nil {
		t.Fatal(err)
	}
}
