import { QueryViewer } from './query-viewer'

export default { component: QueryViewer }

const sample = `SELECT treatment_group, COUNT(*) AS n FROM patients GROUP BY treatment_group`

export const Default = { args: { sql: sample } }
