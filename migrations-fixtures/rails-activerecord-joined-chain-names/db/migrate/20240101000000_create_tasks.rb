class CreateTasks < ActiveRecord::Migration[7.1]
  def change
    create_table :owners do |t|
      t.string :display_name
    end
    create_table :tasks do |t|
      t.references :owner
      t.string :title
      t.datetime :due_at
    end
  end
end
