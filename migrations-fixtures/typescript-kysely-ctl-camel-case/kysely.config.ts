import { defineConfig } from 'kysely-ctl'
import { CamelCasePlugin } from 'kysely'
import { dialect } from './src/database/dialect'

export default defineConfig({
  dialect,
  migrations: {
    migrationFolder: 'src/database/migrations',
  },
  plugins: [new CamelCasePlugin()],
})
