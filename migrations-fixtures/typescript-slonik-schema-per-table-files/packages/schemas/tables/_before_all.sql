/* Runs before every table file: the role each tenant's queries use. */

create role keyring_tenant_${database} password '${password}' noinherit;
