class CreateRecipes < ActiveRecord::Migration[7.1]
  def change
    create_table :recipes do |t|
      t.string :title
      t.integer :minutes
    end

    create_table :reviews do |t|
      t.references :recipe
      t.integer :stars
    end
  end
end
