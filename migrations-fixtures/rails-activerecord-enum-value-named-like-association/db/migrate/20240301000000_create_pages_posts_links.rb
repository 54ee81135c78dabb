class CreatePagesPostsLinks < ActiveRecord::Migration[7.1]
  def change
    create_table :pages do |t|
      t.string :title, null: false
    end
    create_table :posts do |t|
      t.string :title
      t.integer :embed_count, default: 0, null: false
    end
    create_table :links do |t|
      t.references :page, null: false
      t.string :page_type, null: false
      t.string :target, null: false
      t.integer :link_type, null: false, default: 0
    end
  end
end
