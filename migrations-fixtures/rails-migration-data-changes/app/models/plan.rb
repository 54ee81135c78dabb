class Plan < ApplicationRecord
  def self.prices
    connection.select_all("SELECT id, price_cents FROM plan_prices")
  end

  def self.report
    connection.select_all("SELECT name, revenue FROM plan_report")
  end
end
