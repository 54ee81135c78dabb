const { Pool } = require('pg');
const pool = new Pool();
module.exports.users = () => pool.query('SELECT id, email FROM users');
