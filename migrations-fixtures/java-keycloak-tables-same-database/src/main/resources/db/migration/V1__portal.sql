create schema if not exists portal;

create table portal.tenant_settings (
  realm_name   varchar(255) primary key,
  display_name varchar(255),
  theme        varchar(64)
);
