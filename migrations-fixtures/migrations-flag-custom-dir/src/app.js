const { Pool } = require('pg');
const pool = new Pool();
module.exports.users = () => pool.query('SELECT id, email FROM users');
module.exports.admins = () => pool.query('SELECT id, email FROM users WHERE is_admin');
