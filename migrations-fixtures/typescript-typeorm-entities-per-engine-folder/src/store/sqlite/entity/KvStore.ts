import { Column, Entity, PrimaryColumn } from 'typeorm'

@Entity({ name: 'kv_store' })
export class KvStore {
    @PrimaryColumn({ type: 'varchar', length: 250 })
    key!: string

    @Column({ type: 'text' })
    value!: string

    @Column({ type: 'integer', nullable: true })
    expires_at_epoch?: number
}
