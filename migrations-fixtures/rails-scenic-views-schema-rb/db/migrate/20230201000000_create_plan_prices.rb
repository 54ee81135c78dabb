class CreatePlanPrices < ActiveRecord::Migration[7.1]
  def change
    create_view :plan_prices
  end
end
