import { Pool } from 'pg';

export const pool = new Pool({ connectionString: process.env.BILLING_DATABASE_URL });
