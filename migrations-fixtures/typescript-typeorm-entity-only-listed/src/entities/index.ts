import { Team } from './Team'
import { TeamMembers } from './TeamMembers'

export const entities = {
    Team,
    TeamMembers
}
