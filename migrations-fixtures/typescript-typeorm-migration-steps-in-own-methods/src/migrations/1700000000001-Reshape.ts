import { MigrationInterface, QueryRunner } from 'typeorm'

export class Reshape1700000000001 implements MigrationInterface {
    public async up(queryRunner: QueryRunner): Promise<void> {
        await this.addEmail(queryRunner)
        await this.cleanUp(queryRunner)
    }

    // A method of the migration's own class, given the runner: its steps are the migration's.
    private async addEmail(runner: QueryRunner): Promise<void> {
        await runner.query(`ALTER TABLE "contact" ADD COLUMN "email" varchar`)
    }

    private async cleanUp(queryRunner: QueryRunner): Promise<void> {
        const stale: { id: string; name: string | null }[] = await queryRunner.query(`SELECT "id", "name" FROM "contact"`)
        const ids = stale.map((c) => `'${c.id}'`).join(',')
        if (ids.length > 0) {
            // Rows only: a list of values built at run time.
            await queryRunner.query(`DELETE FROM "contact" WHERE "id" IN (${ids})`)
        }
        for (const c of stale) {
            const withName = `INSERT INTO "contact" ("id", "name") VALUES ('${c.id}', '${c.name}')`
            const withoutName = `INSERT INTO "contact" ("id") VALUES ('${c.id}')`
            const insert = c.name ? withName : withoutName
            await queryRunner.query(insert)
        }
    }

    public async down(): Promise<void> {}
}
