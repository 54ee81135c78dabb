class OrderTotal < ApplicationRecord
  self.primary_key = :customer_id

  def self.big_spenders
    connection.select_all("SELECT customer_id, orders, spent FROM order_totals WHERE spent > 100000")
  end

  def self.average_basket
    connection.select_value("SELECT avg(spent / orders) FROM order_totals")
  end

  def self.loyal
    # The view's first version had no refunds column, nor has the second.
    connection.select_all("SELECT customer_id FROM order_totals WHERE refunds = 0")
  end
end
