package migrations

import "database/sql"

// V0_9_0 brings a database of release 0.8 up to 0.9.
func V0_9_0(db *sql.DB) error {
	// Release 0.9 adds the plain-text body. schema.sql was not given it.
	if _, err := db.Exec(`ALTER TABLE campaigns ADD COLUMN IF NOT EXISTS plain_body TEXT NULL`); err != nil {
		return err
	}
	if _, err := db.Exec(`CREATE TABLE IF NOT EXISTS bounces (id SERIAL PRIMARY KEY, campaign_id INT NOT NULL)`); err != nil {
		return err
	}
	// Release 0.8 still named the column status: it runs on that schema.
	_, err := db.Exec(`UPDATE campaigns SET status = 'draft' WHERE status IS NULL`)
	return err
}
