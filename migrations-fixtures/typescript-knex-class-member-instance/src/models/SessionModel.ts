import BaseModel from './BaseModel';

export default class SessionModel extends BaseModel {
	protected get tableName(): string {
		return 'sessions';
	}

	public async byUser(userId: string) {
		return this
			.db(this.tableName)
			.select('id', 'created_time')
			.where('user_id', '=', userId);
	}

	// The worker marks each session it sees; no migration adds last_seen_time.
	public async touch(id: string) {
		await this.db(this.tableName).where('id', '=', id).update({ last_seen_time: Date.now() });
	}

	public async emails() {
		return this.db('users').select('email');
	}
}
