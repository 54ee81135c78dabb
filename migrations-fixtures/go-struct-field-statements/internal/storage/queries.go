package storage

const (
	queryFmtSelectUser = `
		SELECT id, email, nickname
		FROM %s
		WHERE id = ?;`

	// The generic upsert is MySQL's; the PostgreSQL constructor replaces it.
	queryFmtUpsertPreference = `
		REPLACE INTO %s (username, method)
		VALUES (?, ?);`

	queryFmtUpsertPreferencePostgreSQL = `
		INSERT INTO %s (username, method)
		VALUES ($1, $2)
			ON CONFLICT (username)
			DO UPDATE SET method = $2;`

	queryFmtCountUsers = `SELECT COUNT(id) FROM %s;`
)
