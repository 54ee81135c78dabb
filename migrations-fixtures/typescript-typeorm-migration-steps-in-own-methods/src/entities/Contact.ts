import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'

@Entity('contact')
export class Contact {
    @PrimaryGeneratedColumn('uuid')
    id: string

    @Column()
    name: string

    @Column({ nullable: true })
    email?: string

    // No migration adds it: the table's columns are all known, so this is certain.
    @Column({ name: 'phone', nullable: true })
    phone?: string
}
