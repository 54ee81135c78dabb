class CreateShopTables < ActiveRecord::Migration[7.0]
  def change
    create_table :shop_countries do |t|
      t.string :name
      t.string :iso_name
      t.string :iso
    end

    create_table :shop_orders do |t|
      t.string :number, limit: 32
      t.string :state
      t.datetime :completed_at
      t.references :country
      t.timestamps
    end

    create_table :shop_adjustments do |t|
      t.references :order
      t.decimal :amount, precision: 10, scale: 2
    end
  end
end
