import { Kysely } from 'kysely';

// A sign-in job marks a device trusted for a while; the check reads the deadline back.
export class DeviceRepository {
  constructor(private db: Kysely<any>) {}

  trust(id: string, until: Date) {
    return this.db.updateTable('devices').set({ trustedUntil: until }).where('id', '=', id).execute();
  }

  seen(ownerId: string) {
    return this.db
      .selectFrom('devices')
      .select(['id', 'label', 'lastSeenAt'])
      .where('ownerId', '=', ownerId)
      .orderBy('lastSeenAt', 'desc')
      .execute();
  }
}
