DROP FUNCTION add_tenant_column(text, text); DROP FUNCTION retire_index(text);
