/* init_order = 2 */

create table api_scopes (
  tenant_id varchar(21) not null
    references tenants (id) on update cascade on delete cascade,
  id varchar(21) not null,
  resource_id varchar(21) not null
    references api_resources (id) on update cascade on delete cascade,
  name varchar(256) not null,
  description text,
  primary key (id)
);
