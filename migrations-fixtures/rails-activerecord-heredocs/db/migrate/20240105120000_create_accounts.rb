class CreateAccounts < ActiveRecord::Migration[7.1]
  def change
    enable_extension "pgcrypto"

    create_table :accounts do |t|
      t.string :name, null: false
      t.string :plan, null: false, default: "free"
      t.integer :seats, default: 1
      t.timestamps
    end

    create_table :users, id: :uuid do |t|
      t.references :account, null: false, foreign_key: true
      t.string :email, null: false
      t.string :legacy_token
      t.boolean :admin, default: false
      t.timestamps
      t.index :email, unique: true
    end
  end
end
