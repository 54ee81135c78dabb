import { Pool } from 'pg'

const pool = new Pool()

// Downloads are also written to Cloudflare's Analytics Engine, where a dataset stores its
// fields as blob1..blob20 and double1..double20; it is queried over HTTP in ClickHouse SQL.
async function queryAnalytics(sql: string): Promise<unknown[]> {
  const res = await fetch(`https://api.example.com/analytics_engine/sql`, { method: 'POST', body: sql })
  return (await res.json()).data
}

export async function dailyDownloads(packageId: string, since: string) {
  const sql = `SELECT
  formatDateTime(toStartOfInterval(timestamp, INTERVAL '1' DAY), '%Y-%m-%d') AS day,
  sum(_sample_interval) AS downloads
FROM download_events
WHERE blob1 = '${packageId}' AND timestamp >= toDateTime('${since}')
GROUP BY day`
  return queryAnalytics(sql)
}

export async function latestVersions(packageId: string) {
  return queryAnalytics(`SELECT blob2 AS version, count() AS n FROM download_events WHERE blob1 = '${packageId}' GROUP BY blob2`)
}

// The PostgreSQL copy is still checked: "pkg_id" is not a column of download_events.
export async function storedDownloads(packageId: string) {
  const { rows } = await pool.query('SELECT version, created_at FROM download_events WHERE pkg_id = $1', [packageId])
  return rows
}
