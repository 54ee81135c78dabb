package migrations

func (m *migrations) Up_1700000003() error {
	tx := m.Tx
	if _, err := tx.Exec("ALTER TABLE jobs ADD COLUMN kind text"); err != nil {
		return err
	}
	rows, err := tx.Query("SELECT id, name FROM jobs")
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			return err
		}
		if _, err := tx.Exec("UPDATE jobs SET kind = $1 WHERE id = $2", kindOf(name), id); err != nil {
			return err
		}
	}
	_, err = tx.Exec("ALTER TABLE jobs ALTER COLUMN kind SET NOT NULL")
	return err
}

func kindOf(name string) string { return "task:" + name }
