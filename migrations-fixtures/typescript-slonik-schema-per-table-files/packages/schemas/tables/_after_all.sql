/* Runs after all other files. */

grant select, insert, update, delete
  on all tables
  in schema public
  to keyring_tenant_${database};
