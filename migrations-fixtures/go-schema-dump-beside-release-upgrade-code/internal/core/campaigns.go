package core

import "database/sql"

// Get reads a campaign as a fresh install stores it.
func Get(db *sql.DB, id int) (*sql.Rows, error) {
	return db.Query(`SELECT id, name, state, plain_body FROM campaigns WHERE id = $1`, id)
}

// Bounced counts the bounces of a campaign.
func Bounced(db *sql.DB, id int) (*sql.Rows, error) {
	return db.Query(`SELECT count(*) FROM bounces WHERE campaign_id = $1`, id)
}
