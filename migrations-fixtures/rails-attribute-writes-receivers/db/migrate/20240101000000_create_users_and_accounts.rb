class CreateUsersAndAccounts < ActiveRecord::Migration[7.1]
  def change
    create_table :users do |t|
      t.string :email, null: false
    end
    create_table :sessions do |t|
      t.references :user, null: false
    end
    create_table :accounts do |t|
      t.references :owner, foreign_key: { to_table: :users }
      t.string :currency, null: false, default: "USD"
      t.bigint :balance_cents
      t.datetime :suspended_at
      t.date :closed_on
      t.jsonb :settings
      t.jsonb :limits
      t.timestamps
    end
  end
end
