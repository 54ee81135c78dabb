class CreateInvoices < ActiveRecord::Migration[7.1]
  def change
    create_table :invoices do |t|
      t.references :account, null: false
      t.integer :amount_cents, null: false
      t.date :due_on
      t.string :memo
      t.boolean :paid, null: false, default: false
      t.integer :reminder_count, null: false, default: 0
    end
    create_table :old_invoices do |t|
      t.references :account, null: false
    end
    create_table :billing_profiles do |t|
      t.references :account, null: false
    end
  end
end
