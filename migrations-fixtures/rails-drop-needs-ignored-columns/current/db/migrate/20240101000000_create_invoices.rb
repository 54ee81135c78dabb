class CreateInvoices < ActiveRecord::Migration[7.1]
  def change
    create_table :invoices do |t|
      t.references :account, null: false
      t.integer :amount_cents, null: false
      t.string :legacy_status
      t.string :pdf_url
      t.timestamps
    end
  end
end
