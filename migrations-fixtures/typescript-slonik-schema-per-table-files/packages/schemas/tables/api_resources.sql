/* init_order = 1 */

create table api_resources (
  tenant_id varchar(21) not null
    references tenants (id) on update cascade on delete cascade,
  id varchar(21) not null,
  name text not null,
  audience text not null, /* the indicator a token is issued for */
  token_ttl bigint not null default(3600),
  primary key (id),
  constraint api_resources__audience
    unique (tenant_id, audience)
);
