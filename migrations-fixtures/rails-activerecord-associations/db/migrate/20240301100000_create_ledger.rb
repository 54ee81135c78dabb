class CreateLedger < ActiveRecord::Migration[7.2]
  def change
    create_table :households do |t|
      t.string :name, null: false
      t.timestamps
    end
    create_table :accounts do |t|
      t.references :household, null: false
      t.string :status, null: false, default: "active"
      t.string :kind
      t.timestamps
    end
    create_table :postings do |t|
      t.references :account, null: false
      t.decimal :amount, precision: 19, scale: 4
      t.date :booked_on
    end
    create_table :line_items do |t|
      t.references :account
      t.string :label
    end
    create_table :items do |t|
      t.string :label
    end
  end
end
