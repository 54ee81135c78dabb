import { DataSource } from 'typeorm'
import { Team } from '../entities/Team'

export const allTeams = (dataSource: DataSource) => dataSource.getRepository(Team).find()
