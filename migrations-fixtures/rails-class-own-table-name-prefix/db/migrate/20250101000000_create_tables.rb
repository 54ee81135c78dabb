class CreateTables < ActiveRecord::Migration[7.1]
  def change
    create_table :widgets do |t|
      t.string :name
      t.timestamps
    end
    create_table :users_settings do |t|
      t.string :theme
      t.timestamps
    end
  end
end
