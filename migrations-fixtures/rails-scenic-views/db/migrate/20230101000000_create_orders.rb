class CreateOrders < ActiveRecord::Migration[7.1]
  def change
    create_table :orders do |t|
      t.bigint :customer_id, null: false
      t.integer :total_cents, null: false
      t.string :coupon
      t.timestamps
    end
  end
end
