class CreateTickets < ActiveRecord::Migration[7.1]
  def change
    create_table :tickets do |t|
      t.string :title
      t.text :details
    end

    create_table :articles do |t|
      t.string :headline
    end

    create_table :labels do |t|
      t.string :name
    end
  end
end
