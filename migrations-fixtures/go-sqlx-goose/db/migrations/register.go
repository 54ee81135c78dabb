package migrations

// Go migrations would be registered here; this project has SQL migrations only.
