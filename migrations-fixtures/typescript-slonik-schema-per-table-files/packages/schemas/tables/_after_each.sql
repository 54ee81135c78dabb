/* Runs after each table file but the lifecycle scripts. */

alter table ${name} enable row level security;

create policy ${name}_tenant_id on ${name}
  as restrictive
  using (tenant_id = (select id from tenants where db_user = current_user));
