class RemoveLastPromptedUpgradeShaFromUsers < ActiveRecord::Migration[7.1]
  def change
    remove_column :users, :last_prompted_upgrade_sha, :string
  end
end
