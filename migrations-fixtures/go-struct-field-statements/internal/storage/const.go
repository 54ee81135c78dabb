package storage

const (
	tableUsers       = "users"
	tablePreferences = "user_preferences"
)
