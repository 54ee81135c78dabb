import { MigrationInterface, QueryRunner, Table } from "typeorm";

export class Init1714564800000 implements MigrationInterface {
  name = "Init1714564800000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: "tenant",
        columns: [
          { name: "id", type: "int", isPrimary: true, isGenerated: true, generationStrategy: "increment" },
          { name: "name", type: "varchar" },
        ],
      }),
    );
    await queryRunner.query(
      `CREATE TABLE "llm_results" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" integer NOT NULL, "prompt_hash" character varying NOT NULL, "output" text NOT NULL, "tokens_used" integer NOT NULL DEFAULT 0, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_llm_results" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      "ALTER TABLE \"llm_results\" ADD CONSTRAINT \"FK_llm_results_tenant\" FOREIGN KEY (\"tenant_id\") REFERENCES \"tenant\"(\"id\")",
    );
    // Every tenant gets a first row: values spliced into quoted literals change rows, not columns.
    const tenants = await queryRunner.query(`SELECT id FROM "tenant"`);
    for (const t of tenants) {
      await queryRunner.query(`INSERT INTO "llm_results" ("tenant_id", "prompt_hash", "output") VALUES ('${t.id}', 'seed', '')`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "llm_results"`);
    await queryRunner.dropTable("tenant");
  }
}
