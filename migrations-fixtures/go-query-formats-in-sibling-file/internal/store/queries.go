package store

// Query formats: the table is filled in by the provider.
const (
	queryFmtSelectPreferredMethod = `
		SELECT preferred_method
		FROM %s
		WHERE username = ?;`

	queryFmtUpsertPreferredMethod = `
		REPLACE INTO %s (username, preferred_method)
		VALUES (?, ?);`

	queryFmtUpsertPreferredMethodPostgreSQL = `
		INSERT INTO %s (username, preferred_method, timezone)
		VALUES ($1, $2, $3)
			ON CONFLICT (username)
			DO UPDATE SET preferred_method = $2;`
)
