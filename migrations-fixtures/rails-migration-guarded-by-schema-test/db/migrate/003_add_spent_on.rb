class AddSpentOn < ActiveRecord::Migration[4.2]
  def change
    add_column :time_entries, :spent_on, :date
  end
end
