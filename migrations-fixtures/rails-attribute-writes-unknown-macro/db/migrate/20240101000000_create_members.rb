class CreateMembers < ActiveRecord::Migration[7.1]
  def change
    create_table :members do |t|
      t.string :email, null: false, default: ""
      t.string :encrypted_password, null: false, default: ""
      t.timestamps
    end
    create_table :articles do |t|
      t.string :title, null: false
      t.datetime :discarded_at
    end
    create_table :invoices do |t|
      t.integer :amount_cents, null: false
    end
  end
end
