-- Runs after V1.9: Flyway compares version parts as numbers.
ALTER TABLE sla_policies RENAME TO sla_rules;
