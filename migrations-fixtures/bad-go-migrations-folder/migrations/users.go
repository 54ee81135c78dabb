package migrations

// Applied by a Go program of the project: no SQL file, no format schemagate reads.
func init() { register("CREATE TABLE users (id bigserial PRIMARY KEY, email text NOT NULL)") }
