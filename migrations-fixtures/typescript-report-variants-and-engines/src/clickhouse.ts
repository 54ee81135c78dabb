import { createClient } from '@clickhouse/client';
const client = createClient({});
async function rawQuery(query: string, params: object) {
  return client.query({ query, query_params: params });
}
export default { rawQuery };
