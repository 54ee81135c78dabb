// Package roster reads who is on duty.
package roster

import (
	"context"
	"database/sql"
)

type Label struct {
	ShiftID int64
	Role    string
	Pairing string
}

func OnDuty(ctx context.Context, db *sql.DB, shiftID int64) (int64, error) {
	var member int64
	err := db.QueryRowContext(ctx, `SELECT member_id FROM on_duty WHERE shift_id = $1`, shiftID).Scan(&member)
	return member, err
}

func Names(ctx context.Context, db *sql.DB, memberID int64) (string, error) {
	var name string
	err := db.QueryRowContext(ctx, `SELECT name FROM on_duty_names WHERE member_id = $1`, memberID).Scan(&name)
	return name, err
}

func Labels(ctx context.Context, db *sql.DB) ([]Label, error) {
	rows, err := db.QueryContext(ctx, `SELECT shift_id, text, "case" FROM shift_labels WHERE starts_at > now() ORDER BY shift_id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Label
	for rows.Next() {
		var l Label
		if err := rows.Scan(&l.ShiftID, &l.Role, &l.Pairing); err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	return out, rows.Err()
}

// The view has no column "backup_member_id": the CASE is named after its ELSE.
func Backups(ctx context.Context, db *sql.DB) (*sql.Rows, error) {
	return db.QueryContext(ctx, `SELECT shift_id, backup_member_id FROM on_duty`)
}
