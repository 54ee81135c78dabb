class CreateUsersAndSnippets < ActiveRecord::Migration[7.1]
  def change
    create_table :users do |t|
      t.string :email, null: false
      t.timestamps
    end

    create_table :snippets do |t|
      t.references :author, null: false, foreign_key: { to_table: :users }
      t.string :title, null: false
      t.text :body, null: false
      t.string :visibility, null: false, default: "public"
      t.timestamps
    end
  end
end
