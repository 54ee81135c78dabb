class CreateRepos < ActiveRecord::Migration[7.1]
  def change
    create_table :repos do |t|
      t.string :name, null: false
      t.string :language
      t.integer :issues_count, default: 0
      t.timestamps
    end
  end
end
