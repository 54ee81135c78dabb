import { DataSource } from 'typeorm'
import { Note } from '../entities/Note'

export const pinned = (dataSource: DataSource) => dataSource.getRepository(Note).find()
