import { Column, Entity, PrimaryColumn } from 'typeorm'

// The PostgreSQL entity: its columns are the migrations'.
@Entity({ name: 'kv_store' })
export class KvStore {
    @PrimaryColumn({ type: 'varchar', length: 250 })
    key!: string

    @Column({ type: 'text' })
    value!: string

    @Column({ type: 'varchar', length: 64, nullable: true })
    iv?: string

    @Column({ type: 'varchar', length: 64, nullable: true })
    tag?: string
}
