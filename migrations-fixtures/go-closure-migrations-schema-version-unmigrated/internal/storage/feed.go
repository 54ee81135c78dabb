package storage

import "database/sql"

type Feed struct {
	ID      int64
	URL     string
	Title   string
	Crawler bool
	Errors  int
}

// FeedsToRefresh lists a user's feeds, the failing ones last.
func FeedsToRefresh(db *sql.DB, userID int64) ([]Feed, error) {
	rows, err := db.Query(`
		SELECT f.id, f.feed_url, f.title, f.crawler, f.parsing_error_count, u.password
		FROM feeds f JOIN users u ON u.id = f.user_id
		WHERE u.id = $1
		ORDER BY f.parsing_error_count, f.checked_at`, userID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var feeds []Feed
	for rows.Next() {
		var f Feed
		if err := rows.Scan(&f.ID, &f.URL, &f.Title, &f.Crawler, &f.Errors, new(string)); err != nil {
			return nil, err
		}
		feeds = append(feeds, f)
	}
	return feeds, rows.Err()
}

// RecordError counts one more failed refresh.
func RecordError(db *sql.DB, feedID int64) error {
	_, err := db.Exec(`UPDATE feeds SET parsing_error_count = parsing_error_count + 1 WHERE id = $1`, feedID)
	return err
}
