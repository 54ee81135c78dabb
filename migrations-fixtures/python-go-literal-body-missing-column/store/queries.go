package store

// lastLogin is run by the audit tool, which reads the statements of this package.
var lastLogin = `
	/* audit */ WITH recent AS (SELECT id, last_login_at FROM users) SELECT * FROM recent`

var label = "with the latest logins first"
