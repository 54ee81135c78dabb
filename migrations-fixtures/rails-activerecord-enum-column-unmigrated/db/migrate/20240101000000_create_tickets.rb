class CreateTickets < ActiveRecord::Migration[7.2]
  def change
    create_table :tickets do |t|
      t.string :title, null: false
      t.integer :priority, null: false, default: 1
      t.timestamps
    end
  end
end
