class CreateFosters < ActiveRecord::Migration[7.1]
  def change
    create_table :fosters do |t|
      t.string :name
    end

    create_table :crates do |t|
      t.references :foster
      t.boolean :heated
    end
  end
end
