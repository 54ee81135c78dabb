class CreateReceipts < ActiveRecord::Migration[7.1]
  def change
    create_table :receipts do |t|
      t.bigint :order_id, null: false
      t.string :source
      t.timestamps
    end
  end
end
