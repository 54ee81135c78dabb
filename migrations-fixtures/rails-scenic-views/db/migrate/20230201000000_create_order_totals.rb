class CreateOrderTotals < ActiveRecord::Migration[7.1]
  def change
    create_view :order_totals
    create_view :coupon_uses, materialized: true
  end
end
