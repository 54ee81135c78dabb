class DropLegacyToken < ActiveRecord::Migration[7.1]
  def up
    remove_column :users, :legacy_token
    create_table :audit_events, id: false do |t|
      t.bigint :account_id, null: false
      t.string :action
      t.jsonb :payload, default: {}
      t.datetime :occurred_at, null: false
    end
  end

  def down
    add_column :users, :legacy_token, :string
    drop_table :audit_events
  end
end
