import { Kysely, CamelCasePlugin } from 'kysely'
import { dialect } from './dialect'

export const db = new Kysely<any>({ dialect, plugins: [new CamelCasePlugin()] })
