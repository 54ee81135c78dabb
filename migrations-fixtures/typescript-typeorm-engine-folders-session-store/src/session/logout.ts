// Ends every session of a user.
import { DataSource } from 'typeorm'
import { LoginSession } from '../database/entities/LoginSession'

export async function endSessions(dataSource: DataSource, userId: string) {
    await dataSource
        .getRepository(LoginSession)
        .createQueryBuilder()
        .delete()
        .where(`sess->'passport'->'user'->>'id' = :userId`, { userId })
        .execute()
}
