class AddSeverityToTickets < ActiveRecord::Migration[7.2]
  def change
    add_column :tickets, :severity, :integer, null: false, default: 0
  end
end
