import { MigrationInterface, QueryRunner } from 'typeorm'

export class Init1700000000000 implements MigrationInterface {
    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "note" ("id" varchar PRIMARY KEY NOT NULL, "body" varchar NOT NULL, "kind" varchar NOT NULL DEFAULT ('TEXT'), "pinned_at" datetime)`)
        await queryRunner.query(`UPDATE "note" SET "kind" = 'TEXT' WHERE "kind" IS NULL`)
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "note"`)
    }
}
