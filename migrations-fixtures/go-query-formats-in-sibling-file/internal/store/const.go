package store

const (
	tableUserSettings = "user_settings"
)
