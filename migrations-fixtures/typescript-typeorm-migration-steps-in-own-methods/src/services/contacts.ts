import { DataSource } from 'typeorm'
import { Contact } from '../entities/Contact'

export const all = (ds: DataSource) => ds.getRepository(Contact).find()
