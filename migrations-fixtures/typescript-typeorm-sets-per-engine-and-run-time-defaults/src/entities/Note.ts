import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'

export enum NoteKind {
    TEXT = 'TEXT',
    LIST = 'LIST'
}

@Entity()
export class Note {
    @PrimaryGeneratedColumn('uuid')
    id: string

    @Column()
    body: string

    @Column({ type: 'varchar', default: NoteKind.TEXT })
    kind: NoteKind

    // No PostgreSQL migration adds it (the SQLite set does).
    @Column({ name: 'pinned_at', nullable: true })
    pinnedAt?: Date
}
