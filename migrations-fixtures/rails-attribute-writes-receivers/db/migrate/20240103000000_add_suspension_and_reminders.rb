class AddSuspensionAndReminders < ActiveRecord::Migration[7.1]
  def change
    add_column :accounts, :display_name, :string
    add_column :accounts, :suspension_reason, :string
    add_column :invoices, :reminded_at, :datetime
    add_column :billing_profiles, :vat_number, :string
  end
end
