// A key-value cache whose `db` is not a Knex instance: its calls are not Knex's.
interface CacheStore {
	(bucket: string): { get(key: string): Promise<string> };
}

export default class CacheModel {
	private db: CacheStore;

	public constructor(store: CacheStore) {
		this.db = store;
	}

	public async read(key: string) {
		return this.db('cache_entries').get(key);
	}
}
