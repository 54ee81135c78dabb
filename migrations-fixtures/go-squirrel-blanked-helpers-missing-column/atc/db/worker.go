package db

import (
	"database/sql"
	"errors"
	"fmt"
	"time"

	sq "github.com/Masterminds/squirrel"
)

var ErrWorkerNotPresent = errors.New("worker not present in db")

type WorkerState string

const (
	WorkerStateRunning  = WorkerState("running")
	WorkerStateStalled  = WorkerState("stalled")
	WorkerStateLanding  = WorkerState("landing")
	WorkerStateRetiring = WorkerState("retiring")
)

type worker struct {
	conn        *sql.DB
	name        string
	state       WorkerState
	activeTasks int
	expiresAt   time.Time
}

func (w *worker) Name() string { return w.name }

func (w *worker) Expired(now time.Time) bool {
	if w.expiresAt.IsZero() {
		return false
	}
	return now.After(w.expiresAt)
}

func (w *worker) Land() error {
	result, err := psql.Update("workers").
		SetMap(map[string]any{
			"state":      string(WorkerStateLanding),
			"landing_at": time.Now(),
		}).
		Where(sq.Eq{"name": w.name}).
		RunWith(w.conn).
		Exec()
	if err != nil {
		return err
	}
	affected, err := result.RowsAffected()
	if err != nil {
		return err
	}
	if affected == 0 {
		return ErrWorkerNotPresent
	}
	return nil
}

func (w *worker) ActiveTasks() (int, error) {
	err := psql.Select("active_tasks", "task_limit").From("workers").Where(sq.Eq{"name": w.name}).
		RunWith(w.conn).
		QueryRow().
		Scan(&w.activeTasks)
	if err != nil {
		return 0, err
	}
	return w.activeTasks, nil
}

func (w *worker) IncreaseActiveTasks(max int) (int, error) {
	err := psql.Update("workers").
		Set("active_tasks", sq.Expr("active_tasks+1")).
		Where(sq.Eq{"name": w.name}).
		Where(sq.Lt{"active_tasks": max}).
		Suffix("RETURNING \"active_tasks\"").
		RunWith(w.conn).
		QueryRow().
		Scan(&w.activeTasks)
	if err == sql.ErrNoRows {
		return 0, fmt.Errorf("worker %s is at its limit of %d tasks", w.name, max)
	}
	return w.activeTasks, err
}

func (w *worker) validate() error {
	switch w.state {
	case WorkerStateRunning, WorkerStateStalled, WorkerStateLanding, WorkerStateRetiring:
		return nil
	}
	return fmt.Errorf("worker %s: unknown state %q", w.name, w.state)
}
