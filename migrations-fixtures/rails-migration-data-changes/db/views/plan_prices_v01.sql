SELECT id, name FROM plans
