class CreateApiKeys < ActiveRecord::Migration[7.1]
  def change
    create_table :api_keys do |t|
      t.string :name
      t.boolean :push_rubygem, null: false, default: false
      t.boolean :yank_rubygem, null: false, default: false
      t.string :scopes, array: true
    end
  end
end
