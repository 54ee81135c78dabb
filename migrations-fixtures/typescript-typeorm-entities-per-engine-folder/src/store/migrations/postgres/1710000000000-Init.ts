import { MigrationInterface, QueryRunner } from 'typeorm'

export class Init1710000000000 implements MigrationInterface {
    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "kv_store" ("key" character varying(250) NOT NULL, "value" text NOT NULL, "iv" character varying(64), CONSTRAINT "PK_kv_store" PRIMARY KEY ("key"))`)
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "kv_store"`)
    }
}
