package server

import (
	"database/sql"
	"time"

	_ "github.com/mattn/go-sqlite3" // SQLite driver
)

const (
	createMessagesTableQuery = `
		BEGIN;
		CREATE TABLE IF NOT EXISTS messages (
			id INTEGER PRIMARY KEY AUTOINCREMENT,
			mid TEXT NOT NULL,
			time INT NOT NULL,
			topic TEXT NOT NULL,
			message TEXT NOT NULL,
			published INT NOT NULL
		);
		CREATE INDEX IF NOT EXISTS idx_mid ON messages (mid);
		CREATE TABLE IF NOT EXISTS schemaVersion (
			id INT PRIMARY KEY,
			version INT NOT NULL
		);
		COMMIT;
	`
	selectMessagesSinceTimeQuery = `
		SELECT mid, time, topic, message, priority
		FROM messages
		WHERE topic = ? AND time >= ? AND published = 1
		ORDER BY time, id
	`
	insertMessageQuery = `INSERT INTO messages (mid, time, topic, message, priority, published) VALUES (?, ?, ?, ?, ?, 1)`

	// 0 -> 1
	migrate0To1AlterMessagesTableQuery = `
		BEGIN;
		ALTER TABLE messages ADD COLUMN priority INT NOT NULL DEFAULT(0);
		COMMIT;
	`
	// 1 -> 2
	migrate1To2AlterMessagesTableQuery = `
		ALTER TABLE messages ADD COLUMN expires INT NOT NULL DEFAULT('0');
		UPDATE messages SET expires = time + ? WHERE expires = 0;
	`
)

var migrations = map[int]func(db *sql.DB, retention time.Duration) error{
	0: migrateFrom0,
	1: migrateFrom1,
}

type MessageStore struct {
	db *sql.DB
}

func NewMessageStore(filename string) (*MessageStore, error) {
	db, err := sql.Open("sqlite3", filename)
	if err != nil {
		return nil, err
	}
	if _, err := db.Exec(createMessagesTableQuery); err != nil {
		return nil, err
	}
	return &MessageStore{db: db}, nil
}

func (s *MessageStore) Add(mid, topic, message string, priority int) error {
	_, err := s.db.Exec(insertMessageQuery, mid, time.Now().Unix(), topic, message, priority)
	return err
}

func (s *MessageStore) Since(topic string, since time.Time) (*sql.Rows, error) {
	return s.db.Query(selectMessagesSinceTimeQuery, topic, since.Unix())
}

func migrateFrom0(db *sql.DB, _ time.Duration) error {
	if _, err := db.Exec(migrate0To1AlterMessagesTableQuery); err != nil {
		return err
	}
	_, err := db.Exec(`INSERT INTO schemaVersion (id, version) VALUES (1, 1)`)
	return err
}

func migrateFrom1(db *sql.DB, retention time.Duration) error {
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.Exec(migrate1To2AlterMessagesTableQuery, int64(retention.Seconds())); err != nil {
		return err
	}
	if _, err := tx.Exec(`UPDATE schemaVersion SET version = 2 WHERE id = 1`); err != nil {
		return err
	}
	return tx.Commit()
}
