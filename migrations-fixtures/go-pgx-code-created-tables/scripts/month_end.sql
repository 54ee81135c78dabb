-- psql -v month=2024-05-01 -f scripts/month_end.sql
\set ON_ERROR_STOP on

select count(*) as open_count from invoices where paid_on is null \gset

select customer_id, sum(amount_cents) as total
into temporary month_totals
from invoices
where issued_on >= :'month'::date and issued_on < (:'month'::date + interval '1 month')
group by customer_id;

create temp table month_flags (customer_id bigint, flagged boolean);

insert into month_flags (customer_id, flagged)
select customer_id, total > 100000 from month_totals;

select t.customer_id, t.total, f.flagged, :'open_count'::int as open_invoices
from month_totals t join month_flags f using (customer_id);

select * from month_archive;
