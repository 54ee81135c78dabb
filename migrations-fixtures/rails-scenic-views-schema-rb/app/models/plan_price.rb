class PlanPrice < ApplicationRecord
  def self.cheap
    connection.select_all("SELECT id, name FROM plan_prices WHERE price_cents < 500")
  end

  def self.discounted
    connection.select_all("SELECT id FROM plan_prices WHERE discount_cents > 0")
  end
end
