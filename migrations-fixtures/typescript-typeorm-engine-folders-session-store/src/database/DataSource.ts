import { DataSource } from 'typeorm'
import { Assistant } from './entities/Assistant'
import { LoginSession } from './entities/LoginSession'
import { Variable } from './entities/Variable'

export const AppDataSource = new DataSource({
    type: 'postgres',
    url: process.env.DATABASE_URL,
    entities: [Assistant, Variable, LoginSession],
    migrations: [__dirname + '/migrations/postgres/*.ts']
})
