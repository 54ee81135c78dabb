import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'

// Left behind when the table was renamed: still listed below, used by no code.
@Entity('team_members')
export class TeamMembers {
    @PrimaryGeneratedColumn('uuid')
    id: string

    @Column()
    teamId: string
}
