import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'

@Entity('team')
export class Team {
    @PrimaryGeneratedColumn('uuid')
    id: string

    @Column()
    name: string

    // No migration adds it.
    @Column({ name: 'plan', nullable: true })
    plan?: string
}
