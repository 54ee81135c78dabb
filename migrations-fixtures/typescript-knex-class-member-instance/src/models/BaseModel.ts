import { DbConnection } from '../db';

export default abstract class BaseModel {
	private db_: DbConnection;

	public constructor(db: DbConnection) {
		this.db_ = db;
	}

	public get db(): DbConnection {
		return this.db_;
	}

	protected get tableName(): string {
		throw new Error('Not implemented');
	}

	// Each model's own table, known only in the subclass: not judged here.
	public async load(id: string) {
		return this.db(this.tableName).where({ id }).first();
	}
}
