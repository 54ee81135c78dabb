import { Column, Entity, PrimaryColumn } from 'typeorm'

// The table express-session's PostgreSQL store creates at start-up (session/store.ts).
@Entity({ name: 'login_sessions' })
export class LoginSession {
    @PrimaryColumn()
    sid: string

    @Column({ type: 'json' })
    sess: any

    @Column()
    expire: Date
}
