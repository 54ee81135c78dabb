import { MigrationInterface, QueryRunner } from 'typeorm'

export class Memberships1700000000001 implements MigrationInterface {
    public async up(queryRunner: QueryRunner): Promise<void> {
        // Memberships replace the old member rows.
        await queryRunner.query(`ALTER TABLE "team_members" RENAME TO "membership"`)
    }

    public async down(): Promise<void> {}
}
