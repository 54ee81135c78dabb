class CreateShipments < ActiveRecord::Migration[7.1]
  def change
    create_table :shipments do |t|
      t.string :tracking_code
      t.datetime :eta
      t.boolean :delivered, default: false, null: false
      t.timestamps
    end

    create_table :stops do |t|
      t.references :shipment
      t.integer :position
    end
  end
end
