// Sessions live in PostgreSQL; the store creates its table when the server starts.
import expressSession from 'express-session'
import connectPgSimple from 'connect-pg-simple'
import { Pool } from 'pg'

const PgStore = connectPgSimple(expressSession)

export const store = new PgStore({
    pool: new Pool({ connectionString: process.env.DATABASE_URL }),
    tableName: 'login_sessions',
    createTableIfMissing: true
})
