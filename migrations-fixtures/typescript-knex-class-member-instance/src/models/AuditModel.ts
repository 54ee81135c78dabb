import BaseModel from './BaseModel';

// Extended by each audit log: its subclasses name the table.
export class AuditModel extends BaseModel {
	protected get tableName(): string {
		return 'audit_entries';
	}

	public async recent() {
		return this.db(this.tableName).select('id', 'happened_at');
	}
}

export class LoginAuditModel extends AuditModel {
	protected get tableName(): string {
		return 'login_audit_entries';
	}
}
