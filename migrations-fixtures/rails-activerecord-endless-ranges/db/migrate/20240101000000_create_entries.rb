class CreateEntries < ActiveRecord::Migration[7.1]
  def change
    create_table :entries do |t|
      t.string :kind
      t.decimal :amount
      t.date :booked_on
      t.timestamps
    end
  end
end
