class UpdateOrderTotals < ActiveRecord::Migration[7.1]
  def change
    update_view :order_totals, version: 2, revert_to_version: 1
  end
end
