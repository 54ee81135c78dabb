/* init_order = 0 */

create table tenants (
  id varchar(21) not null,
  db_user varchar(128),
  db_user_password varchar(128),
  created_at timestamptz not null default(now()),
  primary key (id)
);
