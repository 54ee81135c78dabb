import { MigrationInterface, QueryRunner, TableColumn } from "typeorm";

export class AddModelVersion1718184600000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      "llm_results",
      new TableColumn({ name: "model_version", type: "varchar", default: "'unknown'" }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn("llm_results", "model_version");
  }
}
