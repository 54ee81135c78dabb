package store

// The columns every user query selects, and the filter that hides deleted accounts.
const (
	userColumns  = "id, email, display_name"
	activeFilter = "deleted_at IS NULL"
)
