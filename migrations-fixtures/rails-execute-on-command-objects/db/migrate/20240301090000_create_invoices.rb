class CreateInvoices < ActiveRecord::Migration[7.1]
  def change
    create_table :invoices do |t|
      t.bigint :account_id, null: false
      t.integer :total_cents, null: false
      t.timestamps
    end
  end
end
