import { MigrationInterface, QueryRunner } from "typeorm";

export class Init1714564800000 implements MigrationInterface {
  name = "Init1714564800000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "tenant" ("id" SERIAL NOT NULL, "display_name" character varying NOT NULL, CONSTRAINT "PK_tenant" PRIMARY KEY ("id"))`);
    await queryRunner.query(
      `CREATE TABLE "llm_result" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" integer NOT NULL, "prompt_hash" character varying NOT NULL, "output" text NOT NULL, "tokens_used" integer NOT NULL DEFAULT 0, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_llm_result" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "llm_result" ADD CONSTRAINT "FK_llm_result_tenant" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "llm_result"`);
    await queryRunner.query(`DROP TABLE "tenant"`);
  }
}
