import { MigrationInterface, QueryRunner } from 'typeorm'

export class Init1700000000000 implements MigrationInterface {
    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "contact" ("id" uuid PRIMARY KEY, "name" varchar NOT NULL, "kind" varchar)`)
    }

    public async down(): Promise<void> {}
}
