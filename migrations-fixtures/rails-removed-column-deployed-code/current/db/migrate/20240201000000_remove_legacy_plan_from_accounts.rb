class RemoveLegacyPlanFromAccounts < ActiveRecord::Migration[7.1]
  def change
    remove_column :accounts, :legacy_plan, :string
  end
end
