import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'

@Entity('assistant')
export class Assistant {
    @PrimaryGeneratedColumn('uuid')
    id: string

    @Column()
    details: string
}
