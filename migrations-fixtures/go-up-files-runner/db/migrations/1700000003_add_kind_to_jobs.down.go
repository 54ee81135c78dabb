package migrations

func (m *migrations) Down_1700000003() error {
	_, err := m.Tx.Exec("ALTER TABLE jobs DROP COLUMN kind")
	return err
}
