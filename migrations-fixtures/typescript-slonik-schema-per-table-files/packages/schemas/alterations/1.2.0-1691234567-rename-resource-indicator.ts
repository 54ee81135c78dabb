import { sql } from '@silverhand/slonik';

import type { AlterationScript } from '../lib/types/alteration.js';

const alteration: AlterationScript = {
  up: async (pool) => {
    await pool.query(sql`
      update api_resources set indicator = trim(indicator) where indicator like ' %';
      alter table api_resources rename column indicator to audience;
    `);
  },
  down: async (pool) => {
    await pool.query(sql`
      alter table api_resources rename column audience to indicator;
    `);
  },
};

export default alteration;
