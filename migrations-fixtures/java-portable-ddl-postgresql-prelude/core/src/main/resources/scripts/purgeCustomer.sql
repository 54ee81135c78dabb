drop procedure if exists purgeCustomer;
create procedure purgeCustomer(p_id varchar(36)) begin delete from customers where id = p_id; end;
