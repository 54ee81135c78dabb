// Raw SQL fragments a Kysely chain holds as expressions of its own query: conditions, selected
// values, values a row is set to. None is a statement; each names columns of the chain's tables.
import { Kysely, sql, SqlBool } from 'kysely';

export class SpaceRepo {
  constructor(private readonly db: Kysely<any>) {}

  async search(query: string) {
    return this.db
      .selectFrom('spaces')
      .select(['spaces.id', sql<string>`f_unaccent(spaces.title)`.as('plain')])
      .where(sql<SqlBool>`LOWER(f_unaccent(spaces.name)) LIKE LOWER(f_unaccent(${query}))`)
      .where(sql<SqlBool>`spaces.archived_at IS NULL`)
      .execute();
  }

  async members(spaceIds: string[]) {
    return this.db
      .selectFrom('space_members as m')
      .innerJoin('spaces', 'spaces.id', 'm.space_id')
      .select(['m.user_id', 'spaces.name'])
      .where((eb) => eb.or([sql<SqlBool>`m.space_id = ANY(${spaceIds}::uuid[])`, sql<SqlBool>`m.rol = 'owner'`]))
      .orderBy(sql`${'m.role'} desc`)
      .execute();
  }

  async updateSharing(spaceId: string, allow: boolean) {
    return this.db
      .updateTable('spaces')
      .set({
        settings: sql`COALESCE(settings, '{}'::jsonb) || jsonb_build_object('sharing', ${allow})`,
        name: sql`trim(nme)`,
      })
      .where('id', '=', spaceId)
      .executeTakeFirst();
  }

  // A subquery's fragment may name the outer query's tables: only its own are judged.
  async withOwners() {
    return this.db
      .selectFrom('spaces')
      .select('spaces.id')
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('space_members')
            .select('space_members.id')
            .where(sql<SqlBool>`space_members.space_id = spaces.id AND space_members.is_owner AND role = spaces.kind`),
        ),
      )
      .execute();
  }

  // Kysely builds one query whatever the order of the calls: the join below is in scope.
  async owned(userId: string) {
    return this.db
      .selectFrom('spaces')
      .select('spaces.id')
      .where(sql<SqlBool>`role = 'owner'`)
      .innerJoin('space_members', 'space_members.space_id', 'spaces.id')
      .where('space_members.user_id', '=', userId)
      .execute();
  }

  // Not run here: the caller may join more relations, which may have `position`.
  ordered() {
    return this.db.selectFrom('spaces').selectAll('spaces').where(sql<SqlBool>`position > 0`);
  }

  // Run as a statement of its own: a site, checked as one.
  async count() {
    return sql`SELECT count(*) FROM spaces WHERE deleted_at IS NULL`.execute(this.db);
  }
}
