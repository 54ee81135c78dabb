import { MigrationInterface, QueryRunner } from "typeorm";

export class AddModelVersion1718184600000 implements MigrationInterface {
  name = "AddModelVersion1718184600000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "llm_result" ADD "model_version" character varying NOT NULL DEFAULT 'unknown'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "llm_result" DROP COLUMN "model_version"`);
  }
}
