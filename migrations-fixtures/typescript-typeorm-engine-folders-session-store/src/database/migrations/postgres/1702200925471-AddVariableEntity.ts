import { MigrationInterface, QueryRunner } from 'typeorm'

// The class keeps the timestamp of the migration it was copied from: TypeORM checks class
// names, not timestamps, and runs both.
export class AddVariableEntity1699325775451 implements MigrationInterface {
    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE IF NOT EXISTS variable (id uuid NOT NULL DEFAULT gen_random_uuid(), "name" varchar NOT NULL, "value" text NOT NULL, CONSTRAINT "PK_variable" PRIMARY KEY (id));`)
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE variable`)
    }
}
