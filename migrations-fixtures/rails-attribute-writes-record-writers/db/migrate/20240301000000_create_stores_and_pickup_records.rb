class CreateStoresAndPickupRecords < ActiveRecord::Migration[7.1]
  def change
    create_table :stores do |t|
      t.string :name, null: false
      t.string :code_prefix
      t.timestamps
    end

    create_table :pickup_records do |t|
      t.references :store
      t.string :display_code
      t.string :display_prefix
      t.timestamps
    end
  end
end
