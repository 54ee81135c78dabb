class AddBilling < ActiveRecord::Migration[7.1]
  def change
    add_column :accounts, :stripe_customer_id, :string
    add_reference :users, :invited_by, type: :uuid
    rename_column :users, :admin, :is_admin

    change_table :accounts do |t|
      t.decimal :balance, precision: 10, scale: 2, default: 0
      t.remove :seats
    end

    reversible do |dir|
      dir.up do
        execute <<~SQL
          CREATE VIEW active_accounts AS
            SELECT id, name, plan FROM accounts WHERE plan <> 'cancelled'
        SQL
      end
      dir.down do
        execute "DROP VIEW active_accounts"
      end
    end
  end
end
