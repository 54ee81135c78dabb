DROP VIEW circulation.overdue;
