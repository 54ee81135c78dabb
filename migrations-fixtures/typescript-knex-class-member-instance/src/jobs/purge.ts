import { DbConnection } from '../db';

export async function purgeSessions(db: DbConnection, cutOff: number) {
	await db('sessions').where('created_time', '<', cutOff).delete();
}
