class CreateSavedQueries < ActiveRecord::Migration[7.1]
  def change
    create_table :saved_queries do |t|
      t.bigint :user_id, null: false
      t.text :query, null: false
      t.text :labels, array: true, null: false, default: []
      t.timestamps
    end
  end
end
