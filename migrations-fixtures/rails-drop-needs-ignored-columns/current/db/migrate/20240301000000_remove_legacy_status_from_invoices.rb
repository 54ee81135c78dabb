class RemoveLegacyStatusFromInvoices < ActiveRecord::Migration[7.1]
  def change
    remove_column :invoices, :legacy_status, :string
  end
end
