import type { Db } from '../db/db';

type Row<T> = { [K in keyof T]: T[K] };
type JobRow = { name: string; bucket: Date; attempt_count: number };

const TABLE = 'jobs';

// The scheduler leases a bucket for ten minutes; the worker that retries stale leases shipped
// before the migration that adds lease_expires_at.
export class JobStore {
    private db: Db;

    constructor(db: Db) {
        this.db = db;
    }

    async acquire(key: string, bucket: Date) {
        const rows = await this.db<Row<JobRow>>(TABLE)
            .insert({
                name: key,
                bucket,
                stage: 'started',
                attempt_count: 1,
                lease_expires_at: new Date(Date.now() + 600_000),
            })
            .onConflict(['name', 'bucket'])
            .ignore()
            .returning(['name', 'bucket']);
        return rows[0];
    }

    async retryStale(key: string, bucket: Date) {
        return this.db<Row<JobRow>>(TABLE)
            .where({ name: key, bucket })
            .andWhere((builder) =>
                builder
                    .where('stage', 'failed')
                    .orWhere((started) =>
                        started.where('stage', 'started').andWhere((expired) => expired.whereNull('lease_expires_at')),
                    ),
            )
            .update({ stage: 'started', attempt_count: this.db.raw('attempt_count + 1') });
    }

    async finished(key: string) {
        return this.db(`${TABLE} as j`)
            .where('j.name', key)
            .whereNotNull('j.finished_at')
            .count('* as count')
            .max('bucket as latest')
            .orderBy('count', 'desc')
            .orderBy('latest');
    }
}
