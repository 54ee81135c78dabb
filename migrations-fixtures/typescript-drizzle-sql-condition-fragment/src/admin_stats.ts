import { sql } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/postgres-js'
import postgres from 'postgres'

const drizzleClient = drizzle(postgres(process.env.DATABASE_URL!))

export async function activationCohort(startDate: string, endDate: string) {
  const eligibility = sql`
    a.created_at >= o.created_at
    AND a.created_at < o.created_at + interval '7 days'
  `

  const cohortQuery = sql`
    SELECT DISTINCT
      o.id AS org_id,
      o.created_at AS created_at,
      a.app_id AS app_id,
      a.first_bundle_at
    FROM orgs o
    INNER JOIN apps a ON a.owner_org = o.id
    WHERE o.created_at >= ${startDate}::timestamp
      AND o.created_at < ${endDate}::timestamp
      AND ${eligibility}
  `

  return drizzleClient.execute(cohortQuery)
}

// A column object spliced alone (`sql<string>\`${versionAlias.name}\`.as('name')`): no SQL text of its own.
export function selectedColumn(column: unknown) {
  return drizzleClient.execute(sql`${column}`)
}
