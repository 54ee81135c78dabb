class CreateShop < ActiveRecord::Migration[7.1]
  def change
    create_table :customers do |t|
      t.string :email, null: false
      t.timestamps
    end
    create_table :orders do |t|
      t.references :customer, null: false
      t.string :state, null: false
      t.jsonb :preferences, null: false, default: {}
      t.timestamps
    end
    create_table :line_items do |t|
      t.references :order, null: false
      t.string :sku, null: false
      t.integer :quantity, null: false
    end
  end
end
