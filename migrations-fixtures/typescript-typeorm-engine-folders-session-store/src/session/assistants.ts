import { AppDataSource } from '../database/DataSource'
import { Assistant } from '../database/entities/Assistant'
import { Variable } from '../database/entities/Variable'

export const listAssistants = () => AppDataSource.getRepository(Assistant).find()

export const listVariables = () => AppDataSource.getRepository(Variable).find()
