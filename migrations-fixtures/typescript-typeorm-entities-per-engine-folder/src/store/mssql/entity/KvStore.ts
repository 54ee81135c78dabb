import { Column, Entity, PrimaryColumn } from 'typeorm'

// SQL Server keeps the value in two columns of its own; its migrations are not in this tree.
@Entity({ name: 'kv_store' })
export class KvStore {
    @PrimaryColumn({ type: 'varchar', length: 250 })
    key!: string

    @Column({ type: 'varchar', length: 'MAX' })
    value!: string

    @Column({ type: 'varchar', length: 'MAX', nullable: true })
    value_overflow?: string
}
