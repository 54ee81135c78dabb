import { MigrationInterface, QueryRunner } from 'typeorm'
import { NoteKind } from '../../../entities/Note'

export class KindDefault1700000000001 implements MigrationInterface {
    public async up(queryRunner: QueryRunner): Promise<void> {
        // The default is a value computed at run time: it names no table or column.
        await queryRunner.query(`ALTER TABLE "note" ALTER COLUMN "kind" SET DEFAULT '${NoteKind.TEXT}'`)
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "note" ALTER COLUMN "kind" DROP DEFAULT`)
    }
}
