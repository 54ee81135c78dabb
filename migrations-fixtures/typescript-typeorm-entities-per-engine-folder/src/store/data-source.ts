import { DataSource } from 'typeorm'
import { KvStore } from './entity/KvStore'
import { KvStore as MssqlKvStore } from './mssql/entity/KvStore'
import { KvStore as SqliteKvStore } from './sqlite/entity/KvStore'

const engine = process.env.DB_ENGINE ?? 'postgres'

export const source = new DataSource({
    type: engine === 'mssql' ? 'mssql' : engine === 'sqlite' ? 'sqlite' : 'postgres',
    url: process.env.DATABASE_URL,
    entities: [engine === 'mssql' ? MssqlKvStore : engine === 'sqlite' ? SqliteKvStore : KvStore],
    migrations: [__dirname + '/migrations/postgres/*.ts'],
})
