const { Pool } = require("pg");
const pool = new Pool();

exports.byEmail = (email) => pool.query("SELECT id, email, last_login FROM users WHERE email = $1", [email]);
