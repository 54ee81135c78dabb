create or replace function purgeCustomer(p_id varchar(36)) returns void as $$ delete from customers where id = p_id $$ language sql;
