import { sql, type CommonQueryMethods } from '@silverhand/slonik';

/** Seeds the `all` scope of a tenant's management API. */
export const seedManagementScope = async (pool: CommonQueryMethods, tenantId: string, scopeId: string) => {
  await pool.query(sql`
    insert into api_scopes (id, resource_id, name, tenant_id)
    values (
      ${scopeId},
      (select id from api_resources where audience = ${`https://${tenantId}.keyring.app/api`} and tenant_id = ${tenantId}),
      'all',
      ${tenantId}
    )
  `);
};

export const scopeCount = async (pool: CommonQueryMethods, tenantId: string) =>
  pool.oneFirst<number>(sql`
    select count(*) from api_scopes where tenant_id = ${tenantId} and is_default = false
  `);
