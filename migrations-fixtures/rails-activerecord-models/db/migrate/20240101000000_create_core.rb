class CreateCore < ActiveRecord::Migration[7.1]
  def change
    create_table :accounts do |t|
      t.string :name, null: false
      t.string :status, null: false, default: "trial"
      t.jsonb :settings, default: {}
      t.timestamps
    end

    create_table :people do |t|
      t.references :account, null: false, foreign_key: true
      t.bigint :creator_id
      t.string :email, null: false
      t.string :full_name
      t.string :type
      t.integer :role, default: 0
      t.datetime :last_seen_at
      t.timestamps
    end

    create_table :admin_audit_entries do |t|
      t.references :person
      t.string :action, null: false
      t.timestamps
    end

    create_table :line_items do |t|
      t.references :account
      t.decimal :amount, precision: 10, scale: 2
      t.integer :position
      t.timestamps
    end

    create_table :ledger_rows do |t|
      t.bigint :account_id
      t.string :kind
    end
  end
end
