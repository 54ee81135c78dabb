import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'

@Entity('variable')
export class Variable {
    @PrimaryGeneratedColumn('uuid')
    id: string

    @Column()
    name: string

    @Column()
    value: string
}
