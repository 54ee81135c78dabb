/* init_order = 0.5 */

create function set_updated_at() returns trigger as
$$ begin
  new.updated_at = now();
  return new;
end; $$ language plpgsql;
