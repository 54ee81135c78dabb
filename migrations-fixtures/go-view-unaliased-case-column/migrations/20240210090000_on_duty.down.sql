DROP VIEW on_duty_names;
DROP VIEW on_duty;
