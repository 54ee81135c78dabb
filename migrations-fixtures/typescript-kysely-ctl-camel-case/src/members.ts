import { db } from './database/db'

export async function reviewers() {
  return db.selectFrom('member').select(['id', 'displayName', 'roleName', 'joinedAt']).where('roleName', '=', 'reviewer').execute()
}
