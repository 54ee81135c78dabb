SELECT id, name, price_cents FROM plans
