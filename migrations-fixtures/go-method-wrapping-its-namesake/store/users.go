package store

import "context"

func (d *db) Rename(ctx context.Context, id int64, nickname string) error {
	_, err := d.ExecContext(ctx, "UPDATE users SET nickname = $1 WHERE id = $2", nickname, id)
	return err
}

func (d *db) Email(ctx context.Context, id int64) (string, error) {
	var email string
	err := d.GetContext(ctx, &email, "SELECT email FROM users WHERE id = $1", id)
	return email, err
}
