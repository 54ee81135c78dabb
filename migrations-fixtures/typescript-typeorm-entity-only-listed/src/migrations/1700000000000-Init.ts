import { MigrationInterface, QueryRunner } from 'typeorm'

export class Init1700000000000 implements MigrationInterface {
    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "team" ("id" uuid PRIMARY KEY, "name" varchar NOT NULL)`)
        await queryRunner.query(`CREATE TABLE "team_members" ("id" uuid PRIMARY KEY, "teamId" uuid NOT NULL)`)
    }

    public async down(): Promise<void> {}
}
