import type { Db, MaybeDb } from '../db/db';

const T = {
    ROLES: 'roles',
    ROLE_USER: 'role_user',
};

export class RoleStore {
    constructor(private db: Db, private other: MaybeDb) {}

    async forUser(userId: number) {
        return this.db(T.ROLES)
            .join(`${T.ROLE_USER} as ru`, 'ru.role_id', 'roles.id')
            .where('ru.user_id', userId)
            .select('roles.name', 'roles.project');
    }

    async countsByProject() {
        return this.db(T.ROLES).select('project').sum({ total: 'id' }).groupBy('project').orderBy('total');
    }

    async membersPerRole() {
        return this.db(T.ROLE_USER).count('user_id', { as: 'members' }).groupBy('role_id').orderBy('members', 'desc');
    }

    // A union with a member that is no Knex type: not judged.
    async elsewhere() {
        return this.other('role_archive');
    }

    // Common table expressions of the statement are no tables.
    async prune() {
        return this.db
            .with('latest_events', (qb) => {
                qb.select('id').from('events').orderBy('id', 'desc').limit(100);
            })
            .from('events')
            .whereNotIn('id', this.db.select('id').from('latest_events'))
            .delete();
    }
}
